/// The id of a watchlist. System watchlists use their name as id (`Popular Markets`).
public struct WatchlistId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
