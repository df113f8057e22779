import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so these run in CI.
@Suite("Copying history between SQLite and PostgreSQL stores", .enabled(if: PostgresTesting.available))
struct PostgresCopyTests {
    @Test("SQLite → PostgreSQL: bars value for value, coverage, market details and ledger; again copies nothing")
    func sqliteToPostgres() async throws { try await CopyScenarios.copiesEverything(from: .sqlite, to: .postgres) }

    @Test("PostgreSQL → SQLite: bars value for value, coverage, market details and ledger; again copies nothing")
    func postgresToSQLite() async throws { try await CopyScenarios.copiesEverything(from: .postgres, to: .sqlite) }

    @Test("PostgreSQL → PostgreSQL: a destination covering part of a series gets only the rest")
    func copiesOnlyTheRest() async throws {
        try await CopyScenarios.copiesOnlyTheRest(from: .postgres, to: .postgres)
    }

    @Test("SQLite → PostgreSQL: a destination covering part of a series gets only the rest")
    func copiesOnlyTheRestIntoPostgres() async throws {
        try await CopyScenarios.copiesOnlyTheRest(from: .sqlite, to: .postgres)
    }

    @Test("PostgreSQL → SQLite: filters reach the ledger and market details; a dry run writes nothing")
    func filtersAndDryRun() async throws { try await CopyScenarios.filtersAndDryRun(from: .postgres, to: .sqlite) }

    @Test("a store copied onto itself, under another host name or user, is refused")
    func sameStore() async throws { try await CopyScenarios.sameStore(.postgres) }
}

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL).
@Suite(
    "Copying recordings between SQLite and PostgreSQL stores", .enabled(if: PostgresTesting.available),
    .timeLimit(.minutes(2)))
struct PostgresRecordingCopyTests {
    @Test("SQLite → PostgreSQL: recordings made for real, value for value; again, and back, add nothing")
    func sqliteToPostgres() async throws {
        try await RecordingCopyScenarios.copiesRecordings(from: .sqlite, to: .postgres)
    }

    @Test("PostgreSQL → SQLite: recordings made for real, value for value; again, and back, add nothing")
    func postgresToSQLite() async throws {
        try await RecordingCopyScenarios.copiesRecordings(from: .postgres, to: .sqlite)
    }

    @Test("SQLite → PostgreSQL and back: overlapping recordings merge with united spans and no covered gap")
    func mergesIntoPostgres() async throws {
        try await RecordingCopyScenarios.mergesOverlapping(from: .sqlite, to: .postgres)
    }

    @Test("PostgreSQL → SQLite and back: overlapping recordings merge with united spans and no covered gap")
    func mergesFromPostgres() async throws {
        try await RecordingCopyScenarios.mergesOverlapping(from: .postgres, to: .sqlite)
    }

    @Test("PostgreSQL → PostgreSQL: filters reach recordings; a dry run writes nothing")
    func filtersRecordings() async throws {
        try await RecordingCopyScenarios.filtersRecordings(from: .postgres, to: .postgres)
    }

    @Test("SQLite → PostgreSQL: updated_at carried, the destination's letter case kept")
    func updatedAtAndLetterCase() async throws {
        try await RecordingCopyScenarios.updatedAtAndLetterCase(from: .sqlite, to: .postgres)
    }

    @Test("two copies at once into one PostgreSQL database (two connections) add each ledger entry once")
    func concurrentLedger() async throws {
        try await RecordingCopyScenarios.concurrentLedger(from: .sqlite, to: .postgres)
    }
}
