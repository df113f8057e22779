/// The answer to `POST /watchlists`.
public struct CreatedWatchlist: Codable, Sendable, Hashable {
    public var watchlistId: WatchlistId
    public var status: WatchlistStatus
}
