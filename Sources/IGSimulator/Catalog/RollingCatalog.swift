import Foundation

/// The simulator's catalog as the clock moves: built once, re-dated each time the clock passes a contract's last
/// dealing time, so `Month1`-style epics and forwards name the contract that is dealing at the current time.
final class RollingCatalog: Sendable {
    private struct State: Sendable {
        var catalog: Catalog
        /// The catalog stays valid in `[since, until)`.
        var since: Date
        var until: Date?
    }

    private let state: Locked<State>

    /// A rolling catalog that starts as `catalog` at `now`.
    init(_ catalog: Catalog, now: Date) {
        let dated = catalog.rolled(to: now)
        self.state = Locked(State(catalog: dated, since: now, until: dated.nextRoll(after: now)))
    }

    /// The catalog as it stands at `now` (re-dated when `now` lies outside the cached one's validity).
    func catalog(at now: Date) -> Catalog {
        self.state.withLock { state in
            if now >= state.since, state.until.map({ now < $0 }) ?? true { return state.catalog }
            let dated = state.catalog.rolled(to: now)
            state = State(catalog: dated, since: now, until: dated.nextRoll(after: now))
            return dated
        }
    }
}
