import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig stream prices: sparkline of recent mids")
struct StreamSparklineTests {
    @Test("each price row carries a sparkline of its epic's recent mids")
    func sparkline() async throws {
        try await IGSimulator.withRunning { _, url in
            let output = try await runIG([
                "stream", "prices", "CS.D.BITCOIN.TODAY.IP", "--count", "6", "--base-url", url.absoluteString,
            ])
            let rows = output.split(separator: "\n").filter { $0.hasPrefix("EPIC=") }
            #expect(rows.count == 6)
            let lines = rows.compactMap { $0.components(separatedBy: "RECENT MIDS=").last }
            #expect(lines.count == 6)
            // One more mid per update, drawn with the eight block levels only.
            #expect(lines.map(\.count) == Array(1...6))
            #expect(lines.allSatisfy { $0.allSatisfy { "▁▂▃▄▅▆▇█".contains($0) } })
        }
    }
}
