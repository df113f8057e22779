import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so these run in CI.
@Suite("Forgetting a series or an environment, on PostgreSQL", .enabled(if: PostgresTesting.available))
struct PostgresForgetTests {
    @Test("a forgotten series loses its bars, coverage and queued units, and nothing else; it can be filled again")
    func series() async throws { try await ForgetScenarios.series(.postgres) }

    @Test("a forgotten environment loses every row of its own, recordings and ledger included; others keep theirs")
    func environment() async throws { try await ForgetScenarios.environment(.postgres) }

    @Test("commits racing a forget of their series on another connection leave no bar without its series")
    func race() async throws { try await ForgetScenarios.raceOnPostgres() }
}
