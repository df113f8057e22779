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
