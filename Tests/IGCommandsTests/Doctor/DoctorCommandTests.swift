import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGCommands

@Suite("ig doctor")
struct DoctorCommandTests {
    @Test("against the simulator every check passes: credentials, environment, v1/v2/v3, clock, allowances, streaming")
    func allPass() async throws {
        try await IGSimulator.withRunning { _, url in
            let run = await runIGCapturing(["doctor", "--base-url", url.absoluteString])
            #expect(run.error == nil, "\(run.output)")
            let lines = run.output.split(separator: "\n").map(String.init)
            let checks = lines.filter { $0.hasPrefix("✓") || $0.hasPrefix("✗") }
            #expect(checks.count == 8, "\(run.output)")
            #expect(checks.allSatisfy { $0.hasPrefix("✓") }, "\(run.output)")
            for name in [
                "Credentials", "Environment", "Login (session v1)", "Login (session v2)", "Login (session v3)", "Clock",
                "Allowances", "Streaming",
            ] {
                #expect(checks.contains { $0.hasPrefix("✓ \(name):") }, "missing \(name)")
            }
            #expect(run.output.contains("simulator's logins"))
            #expect(run.output.contains("historical points left"))
            #expect(run.output.contains("Lightstreamer connected"))
            #expect(!run.output.contains("demo-api-key") && !run.output.contains("demo-password"))
            #expect(run.output.contains("All 8 checks passed."))
        }
    }

    @Test("with credentials the server refuses, the logins fail with advice and the exit status is 77")
    func badCredentials() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.password = "another-password"
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            let run = await runIGCapturing(["doctor", "--base-url", url.absoluteString])
            #expect(run.exitStatus == 77)
            let lines = run.output.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("✓ Credentials:") })
            #expect(lines.contains { $0.hasPrefix("✓ Environment:") })
            for version in 1...3 {
                #expect(
                    lines.contains { $0.hasPrefix("✗ Login (session v\(version)):") && $0.contains("did not accept") },
                    "\(run.output)")
            }
            #expect(lines.contains { $0.hasPrefix("✗ Streaming:") && $0.contains("no login worked") })
            #expect(run.output.contains("checks failed."))
            #expect(!run.output.contains("demo-password"))
        }
    }

    @Test("HTTP dates are read as UTC")
    func httpDate() throws {
        let date = try #require(DoctorCommand.httpDate("Sun, 01 Nov 2026 10:00:30 GMT"))
        #expect(date.timeIntervalSince1970 == 1_793_527_230)
        #expect(DoctorCommand.httpDate("yesterday") == nil)
    }
}
