/// The answer to `POST /watchlists`.
public struct CreatedWatchlist: Codable, Sendable, Hashable {
    /// The new watchlist's id.
    public var watchlistId: WatchlistId
    /// `SUCCESS`, or `SUCCESS_NOT_ALL_INSTRUMENTS_ADDED`.
    public var status: WatchlistStatus
}
