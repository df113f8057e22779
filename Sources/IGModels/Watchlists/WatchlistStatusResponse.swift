/// `{"status": …}`, the answer to watchlist updates and deletions.
public struct WatchlistStatusResponse: Codable, Sendable, Hashable {
    public var status: WatchlistStatus
}
