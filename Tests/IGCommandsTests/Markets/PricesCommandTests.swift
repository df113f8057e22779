import ArgumentParser
import Foundation
import IGCommands
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig prices")
struct PricesCommandTests {
    @Test("ig prices against a running simulator, as CSV")
    func pricesCSV() async throws {
        try await IGSimulator.withRunning { _, url in
            let prices = try await runIG(
                [
                    "prices", "CS.D.EURUSD.TODAY.IP", "-r", "D", "--max", "5", "-f", "csv", "--base-url",
                    url.absoluteString,
                ]
            )
            let lines = prices.split(separator: "\n")
            #expect(lines.first?.hasPrefix("time,open_bid,open_ask") == true)
            #expect(lines.count == 6)
        }
    }

    @Test("Bad input is a clear usage error")
    func badInput() async throws {
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["prices", "X.Y.Z.ABC", "--resolution", "7h"]) }
        do {
            _ = try IGCommand.parseAsRoot(["prices", "X.Y.Z.ABC", "--resolution", "7h"])
        } catch {
            let message = IGCommand.message(for: error)
            #expect(message.contains("Unknown resolution '7h'"))
        }
    }
}
