public import Foundation

extension MarketDataStore {
    /// Removes a series from the store: its bars, its coverage and its queued work units, all or nothing.
    ///
    /// The allowance ledger keeps the requests that fetched them (the points were spent). A later request for the
    /// same bars fetches them again. A sync writing into the series at the same time stores what it fetches into
    /// the series anew; nothing of the old one is left behind.
    ///
    /// - Returns: What was removed (empty when the series was not stored).
    @discardableResult
    public func forget(_ key: SeriesKey) async throws(StoreError) -> ForgetSummary {
        try await run { try await backend.forget(key) }
    }

    /// Removes everything stored for an environment, all or nothing: its series (bars, coverage, work units), its
    /// recordings (ticks, PRICE and account updates, spans and gaps), its allowance ledger, its market details and
    /// the environment itself, e.g. a simulator's URL or a benchmark's scratch environment.
    ///
    /// A writer (a sync or a recorder) that writes into the environment at the same time may fail with a
    /// ``StoreError`` on PostgreSQL; no row of the environment is left behind either way.
    ///
    /// - Returns: What was removed (empty when the environment was not stored).
    @discardableResult
    public func forget(environment: String) async throws(StoreError) -> ForgetSummary {
        try await run { try await backend.forget(environment: environment) }
    }

    /// Drops the shared work units an environment still has queued (of every series, or of `key`'s): those waiting
    /// for a sync, those IG refused, and those whose worker's claim ran out. Units a worker holds now, stored bars
    /// and coverage stay. Use it to cancel what a stopped or mistyped sync left behind; a later plan that asks for
    /// the same ranges queues them again.
    ///
    /// - Returns: How many units were dropped.
    @discardableResult
    public func dropQueued(
        environment: String, key: SeriesKey? = nil, now: Date = Date()
    ) async throws(StoreError) -> Int {
        try await run { try await backend.dropQueued(environment: environment, key: key, now: now) }
    }
}
