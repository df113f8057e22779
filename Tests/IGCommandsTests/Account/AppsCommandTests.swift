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

@Suite("ig limits")
struct LimitsCommandTests {
    @Test("ig limits masks the API key in every format, JSON included")
    func masked() async throws {
        try await IGSimulator.withRunning { _, url in
            for format in ["table", "json", "csv"] {
                let output = try await runIG(["limits", "--base-url", url.absoluteString, "--format", format])
                #expect(!output.contains("demo-api-key"), "\(format)")
                if format == "json" { #expect(output.contains("********-key")) }
            }
        }
    }
}
