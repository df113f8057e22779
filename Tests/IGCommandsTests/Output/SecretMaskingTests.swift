import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGCommands

@Suite("API keys are masked in every output")
struct SecretMaskingTests {
    @Test("mask keeps the last four characters only")
    func mask() {
        #expect(SecretMask.apiKey("demo-api-key") == "********-key")
        #expect(SecretMask.apiKey("abcd") == "****")
        #expect(SecretMask.apiKey("") == "****")
    }

    @Test("ig apps and ig limits, as table, JSON and CSV, never print the key", arguments: ["apps", "limits"])
    func masked(command: String) async throws {
        try await IGSimulator.withRunning { _, url in
            for format in ["table", "json", "csv"] {
                let output = try await runIG([command, "--format", format, "--base-url", url.absoluteString])
                #expect(!output.contains("demo-api-key"), "\(command) --format \(format):\n\(output)")
                if format != "csv" || command == "apps" {
                    #expect(output.contains("********-key"), "\(command) --format \(format):\n\(output)")
                }
            }
        }
    }
}
