import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig accounts")
struct AccountsCommandTests {
    @Test("ig accounts against a running simulator, as a table and as JSON")
    func accounts() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let accounts = try await runIG(["accounts"] + base)
            #expect(accounts.contains("ACCOUNT") && accounts.contains("SPREADBET"))
            let json = try await runIG(["accounts", "--format", "json"] + base)
            let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
            #expect(decoded?.count == 2)
        }
    }
}
