import Foundation

/// A market listed under a navigation node: the market overview plus `otcTradeable`.
public struct NavigationMarket: Codable, Sendable, Hashable {
    /// The market overview shared with search and watchlists.
    public var market: MarketSummary
    /// Whether the market can be dealt over the counter.
    public var otcTradeable: Bool?

    enum CodingKeys: String, CodingKey { case otcTradeable }

    /// Creates a navigation entry.
    public init(market: MarketSummary, otcTradeable: Bool?) {
        self.market = market
        self.otcTradeable = otcTradeable
    }

    /// Creates a navigation entry.
    public init(from decoder: any Decoder) throws {
        market = try MarketSummary(from: decoder)
        otcTradeable = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .otcTradeable)
    }

    /// Encodes the value as IG's JSON.
    public func encode(to encoder: any Encoder) throws {
        try market.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(otcTradeable, forKey: .otcTradeable)
    }
}
