public import IGModels

extension MarketDataStore {
    /// The spelling this store files `epic` under in `environment`: the one it holds in any letter case (of a series,
    /// else of a recorded market; see ``EpicSpellings``), or `epic` itself when it holds none, so that the first
    /// spelling seen is kept and an epic in another letter case is the same series, never paid for twice.
    ///
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func spelling(of epic: Epic, environment: String) async throws(StoreError) -> Epic {
        try await EpicSpellings(of: self, environment: environment).spelling(of: epic, in: environment) ?? epic
    }

    /// The epics filed under `environment` (nil: every environment): of series, first created first, and of recorded
    /// streams, by epic.
    func heldEpics(
        environment: String?
    ) async throws(StoreError) -> (series: [(environment: String, epic: String)], recorded: [RecordedStream]) {
        try await run { try await backend.heldEpics(environment: environment) }
    }
}
