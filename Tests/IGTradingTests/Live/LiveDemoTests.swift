import Foundation
import IGModels
import Testing

@testable import IGTrading

/// Runs against IG's real DEMO only when the trading-ig variables are set, like trading-ig's nightly
/// integration test. Without them the suite is skipped, and says so.
@Suite(
    "IG DEMO (live suite)",
    .enabled(
        if: ProcessInfo.processInfo.environment["IG_SERVICE_USERNAME"] != nil
            && ProcessInfo.processInfo.environment["IG_SERVICE_PASSWORD"] != nil
            && ProcessInfo.processInfo.environment["IG_SERVICE_API_KEY"] != nil,
        "IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY are not set: skipping IG DEMO"))
struct LiveDemoTests {
    @Test("DEMO: log in v2 and v3, accounts, search, market, prices", arguments: [SessionVersion.v2, .v3])
    func demoRoundTrip(version: SessionVersion) async throws {
        let credentials = try IGCredentials.fromEnvironment()
        #expect(credentials.environment != .live, "the live suite only runs against DEMO")
        let configuration = IGClient.Configuration(environment: .demo, sessionVersion: version)
        try await IGClient.withClient(configuration: configuration, credentials: credentials) { client in
            let session = try await client.session.login()
            let accounts = try await client.accounts.list()
            #expect(accounts.contains { $0.accountId == session.accountId })
            let markets = try await client.markets.search("EUR/USD")
            #expect(!markets.isEmpty)
            let market = try await client.markets.get("CS.D.EURUSD.MINI.IP")
            #expect(market.instrument.epic == "CS.D.EURUSD.MINI.IP")
            let prices = try await client.prices.history(epic: "CS.D.EURUSD.MINI.IP", resolution: .day, max: 3)
            #expect(prices.bars.count <= 3)
            try await client.session.logout()
        }
    }
}
