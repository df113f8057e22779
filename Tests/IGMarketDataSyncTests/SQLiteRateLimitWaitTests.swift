import Testing

@Suite("Sync on SQLite meets IG's per-minute request allowance")
struct SQLiteRateLimitWaitTests {
    @Test("refused for the per-minute allowance, the sync waits for the window and goes on; nothing fetched twice")
    func waitsAndGoesOn() async throws { try await RateLimitWaitScenarios.waitsAndGoesOn(.sqlite) }

    @Test("while it waits, its unit stays claimed past the lease: no other worker takes it over")
    func keepsItsUnit() async throws { try await RateLimitWaitScenarios.keepsItsUnitWhileWaiting(.sqlite) }

    @Test("waits in a row refused again: the sync stops as rate-limited, its unit released")
    func givesUp() async throws { try await RateLimitWaitScenarios.givesUpWhenWaitingDoesNotHelp(.sqlite) }

    @Test("a login refused for the per-minute allowance is waited out too, and the run goes on")
    func loginWaits() async throws { try await RateLimitWaitScenarios.loginWaits(.sqlite) }

    @Test("cancelled while it waits, the sync ends as interrupted, its unit released")
    func interrupted() async throws { try await RateLimitWaitScenarios.interruptedWhileWaiting(.sqlite) }
}
