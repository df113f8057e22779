/// A watchlist as listed by `GET /watchlists`.
public struct Watchlist: Codable, Sendable, Hashable {
    /// The watchlist's id.
    public var id: WatchlistId
    /// The watchlist's name.
    public var name: String
    /// Whether markets can be added or removed.
    public var editable: Bool?
    /// Whether the watchlist can be deleted (false for system watchlists).
    public var deleteable: Bool?
    /// Whether this is IG's default system watchlist.
    public var defaultSystemWatchlist: Bool?
}
