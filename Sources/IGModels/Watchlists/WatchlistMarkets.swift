/// The body of `GET /watchlists/{id}`.
public struct WatchlistMarkets: Codable, Sendable, Hashable {
    /// The markets of the watchlist.
    public var markets: [MarketSummary]

    enum CodingKeys: String, CodingKey { case markets }

    /// Creates a list.
    public init(markets: [MarketSummary]) { self.markets = markets }

    /// Creates a list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        markets = try container.decodeIfPresent([MarketSummary].self, forKey: .markets) ?? []
    }
}
