/// `{"status": …}`, the answer to watchlist updates and deletions.
public struct WatchlistStatusResponse: Codable, Sendable, Hashable {
    /// IG's status, `SUCCESS` when done.
    public var status: WatchlistStatus
}
