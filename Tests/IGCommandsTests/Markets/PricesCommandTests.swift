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

    @Test("the table's prices line up on the point: each has the column's most decimals (10921.0 beside 10921.2)")
    func alignedTable() async throws {
        try await IGSimulator.withRunning { _, url in
            let output = try await runIG([
                "prices", "IX.D.FTSE.DAILY.IP", "-r", "MINUTE", "--max", "200", "--base-url", url.absoluteString,
            ])
            let rows = output.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
            try #require(rows.count == 200)
            // Time is two cells (date and time); OPEN, HIGH, LOW and CLOSE follow. The FTSE is quoted to a tenth, so
            // among 800 prices some end in .0, which IG's JSON sends as a whole number.
            let prices = rows.flatMap { $0[2...5] }
            #expect(prices.allSatisfy { $0.split(separator: ".").last?.count == 1 && $0.contains(".") }, "\(prices)")
            #expect(prices.contains { $0.hasSuffix(".0") })
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
