import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so these run in CI.
@Suite("Sync on PostgreSQL meets IG's per-minute request allowance", .enabled(if: PostgresTesting.available))
struct PostgresRateLimitWaitTests {
    @Test("refused for the per-minute allowance, the sync waits for the window and goes on; nothing fetched twice")
    func waitsAndGoesOn() async throws { try await RateLimitWaitScenarios.waitsAndGoesOn(.postgres) }

    @Test("while it waits, its unit stays claimed past the lease: no other worker takes it over")
    func keepsItsUnit() async throws { try await RateLimitWaitScenarios.keepsItsUnitWhileWaiting(.postgres) }

    @Test("waits in a row refused again: the sync stops as rate-limited, its unit released")
    func givesUp() async throws { try await RateLimitWaitScenarios.givesUpWhenWaitingDoesNotHelp(.postgres) }
}
