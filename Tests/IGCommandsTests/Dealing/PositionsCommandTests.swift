import Foundation
import Testing

/// `ig positions` and `ig confirm` against the embedded simulator.
@Suite("ig positions")
struct PositionsCommandTests {
    @Test func openPrintsTheReferenceFirst() async throws {
        let output = try await runIG([
            "positions", "open", "CS.D.BITCOIN.TODAY.IP", "BUY", "0.1", "--reference", "CLI-REF-1",
        ])
        let lines = output.split(separator: "\n")
        #expect(lines.first == "dealReference: CLI-REF-1")
        #expect(output.contains("ACCEPTED"))
    }

    @Test func listIsEmptyOnAFreshSimulator() async throws {
        let positions = try await runIG(["positions", "list", "--format", "json"])
        #expect(positions.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || positions.contains("[]"))
    }
}
