import Testing

@Suite("Copying history between SQLite stores")
struct SQLiteCopyTests {
    @Test("bars value for value, coverage with its empty ranges, market details and ledger; again copies nothing")
    func copiesEverything() async throws { try await CopyScenarios.copiesEverything(from: .sqlite, to: .sqlite) }

    @Test("a destination covering part of a series gets only the rest, page by page")
    func copiesOnlyTheRest() async throws { try await CopyScenarios.copiesOnlyTheRest(from: .sqlite, to: .sqlite) }

    @Test(
        "filters (environment, epic in any case, resolution) reach the ledger and market details; a dry run writes nothing"
    )
    func filtersAndDryRun() async throws { try await CopyScenarios.filtersAndDryRun(from: .sqlite, to: .sqlite) }

    @Test("a store copied onto itself, under another spelling of its path, is refused")
    func sameStore() async throws { try await CopyScenarios.sameStore(.sqlite) }
}

@Suite("Copying recordings between SQLite stores", .timeLimit(.minutes(2)))
struct SQLiteRecordingCopyTests {
    @Test(
        "ticks, candles, PRICE and account updates recorded for real, copied value for value; again, and back, add nothing"
    )
    func copiesRecordings() async throws {
        try await RecordingCopyScenarios.copiesRecordings(from: .sqlite, to: .sqlite)
    }

    @Test("overlapping recordings merge: spans united, a gap the other store recorded through left out")
    func mergesOverlapping() async throws {
        try await RecordingCopyScenarios.mergesOverlapping(from: .sqlite, to: .sqlite)
    }

    @Test("filters reach recordings: epics, account ids, resolutions, environments; a dry run writes nothing")
    func filtersRecordings() async throws {
        try await RecordingCopyScenarios.filtersRecordings(from: .sqlite, to: .sqlite)
    }

    @Test("a copied series keeps the source's updated_at (or the later one); the destination's letter case is kept")
    func updatedAtAndLetterCase() async throws {
        try await RecordingCopyScenarios.updatedAtAndLetterCase(from: .sqlite, to: .sqlite)
    }

    @Test("two copies at once into one store add each ledger entry once")
    func concurrentLedger() async throws {
        try await RecordingCopyScenarios.concurrentLedger(from: .sqlite, to: .sqlite)
    }
}
