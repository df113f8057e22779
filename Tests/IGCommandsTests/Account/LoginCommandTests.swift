import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig login")
struct LoginCommandTests {
    @Test("ig login --session-version 3 against a running simulator")
    func loginV3() async throws {
        try await IGSimulator.withRunning { _, url in
            let login = try await runIG(["login", "--session-version", "3", "--base-url", url.absoluteString])
            #expect(login.contains("session v3"))
        }
    }
}
