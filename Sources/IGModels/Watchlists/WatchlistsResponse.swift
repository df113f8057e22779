/// The body of `GET /watchlists`.
public struct WatchlistsResponse: Codable, Sendable, Hashable {
    /// The watchlists.
    public var watchlists: [Watchlist]
}
