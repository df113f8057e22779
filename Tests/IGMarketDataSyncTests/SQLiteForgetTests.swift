import Testing

@Suite("Forgetting a series or an environment, on SQLite")
struct SQLiteForgetTests {
    @Test("a forgotten series loses its bars, coverage and queued units, and nothing else; it can be filled again")
    func series() async throws { try await ForgetScenarios.series(.sqlite) }

    @Test("a forgotten environment loses every row of its own, recordings and ledger included; others keep theirs")
    func environment() async throws { try await ForgetScenarios.environment(.sqlite) }
}
