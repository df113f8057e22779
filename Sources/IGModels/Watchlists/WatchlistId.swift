/// The id of a watchlist. System watchlists use their name as id (`Popular Markets`).
public struct WatchlistId: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
