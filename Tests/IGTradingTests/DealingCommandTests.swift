import ArgumentParser
import Foundation
import IGSimulator
import Testing

@testable import IGCommands

/// `ig positions`, `ig orders` and `ig confirm` against the embedded simulator.
@Suite("Dealing commands")
struct DealingCommandTests {
    @Test func openPrintsTheReferenceFirst() async throws {
        let output = try await runIG([
            "positions", "open", "CS.D.BITCOIN.TODAY.IP", "BUY", "0.1", "--reference", "CLI-REF-1",
        ])
        let lines = output.split(separator: "\n")
        #expect(lines.first == "dealReference: CLI-REF-1")
        #expect(output.contains("ACCEPTED"))
    }

    @Test func dryRunSendsNothing() async throws {
        let output = try await runIG([
            "orders", "place", "CS.D.BITCOIN.TODAY.IP", "BUY", "0.1", "1000", "--type", "LIMIT", "--dry-run",
        ])
        #expect(output.hasPrefix("dealReference: SWIG-"))
        #expect(output.contains("dry run: nothing sent"))
        #expect(output.contains("POST /gateway/deal/workingorders/otc"))
    }

    @Test func listsAreEmptyOnAFreshSimulator() async throws {
        let positions = try await runIG(["positions", "list", "--format", "json"])
        #expect(positions.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || positions.contains("[]"))
        let orders = try await runIG(["orders", "list", "--format", "csv"])
        #expect(orders.hasPrefix("DEAL ID,EPIC"))
    }

    @Test func simulatorDealingFlags() throws {
        let command = try IGCommand.parseAsRoot([
            "simulator", "--confirm-delay-ms", "250", "--fault-probability", "0.5", "--faults", "drop,500",
        ])
        let simulator = try #require(command as? SimulatorCommand)
        let settings = simulator.options.configuration().dealing
        #expect(settings.confirmNotFoundWindow == .milliseconds(250))
        #expect(settings.faults.probability == 0.5)
        #expect(settings.faults.kinds == [.dropResponse, .serverError])
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["simulator", "--faults", "explode"]) }
    }
}
