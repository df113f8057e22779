import Foundation

/// The watchlists of every account, kept for the life of the simulator.
///
/// Each account starts with IG's system watchlists (id == name, neither editable nor deletable), the first of which,
/// `Popular Markets`, is the default system watchlist.
final class WatchlistStore: Sendable {
    /// One watchlist.
    struct Record: Sendable, Hashable {
        var id: String
        var name: String
        var editable: Bool
        var deleteable: Bool
        var defaultSystemWatchlist: Bool
        var epics: [String]
    }

    /// The system watchlists every account has, with their markets.
    static let systemWatchlists: [Record] = [
        Record(
            id: "Popular Markets", name: "Popular Markets", editable: false, deleteable: false,
            defaultSystemWatchlist: true,
            epics: [
                "IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP", "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP",
                "CS.D.USCGC.TODAY.IP", "CS.D.BITCOIN.TODAY.IP",
            ]),
        Record(
            id: "Major Indices", name: "Major Indices", editable: false, deleteable: false,
            defaultSystemWatchlist: false, epics: ["IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP"]),
    ]

    private struct State: Sendable {
        var lists: [String: [Record]] = [:]
        var nextId = 10_001_000
    }

    private let state = Locked(State())

    /// Runs `body` with the account's watchlists (seeded with the system ones on first use).
    func withWatchlists<Result>(
        account: String, _ body: (inout [Record], () -> String) throws -> Result
    ) rethrows -> Result {
        try self.state.withLock { state in
            var lists = state.lists[account] ?? Self.systemWatchlists
            var nextId = state.nextId
            defer {
                state.lists[account] = lists
                state.nextId = nextId
            }
            return try body(&lists) {
                nextId += 1
                return String(nextId)
            }
        }
    }
}
