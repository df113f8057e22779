import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig apps")
struct AppsCommandTests {
    @Test("ig apps lists the applications without printing the API key")
    func apps() async throws {
        try await IGSimulator.withRunning { _, url in
            let apps = try await runIG(["apps", "--base-url", url.absoluteString])
            #expect(apps.contains("ENABLED") && !apps.contains("demo-api-key"))
        }
    }
}
