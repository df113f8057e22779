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
