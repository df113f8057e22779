/// The body of `GET /watchlists`.
public struct WatchlistsResponse: Codable, Sendable, Hashable {
    public var watchlists: [Watchlist]
}
