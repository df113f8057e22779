import ArgumentParser
import Foundation
import IGCommands
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

/// `ig activity` in-process against a running simulator.
@Suite("ig activity")
struct ActivityCommandTests {
    @Test("after real deals, each version and format lists them")
    func activity() async throws {
        try await IGSimulator.withRunning(configuration: dealingConfiguration()) { _, url in
            let base = ["--base-url", url.absoluteString]
            let references = try await openAndCloseBitcoinPositions(simulatorAt: url, count: 2)
            let table = try await runIG(["activity", "--detailed"] + base)
            #expect(table.contains("DESCRIPTION") && table.contains("POSITION_OPENED"))
            let json = try await runIG(["activity", "--detailed", "--format", "json"] + base)
            let activities = try JSONDecoder().decode([Activity].self, from: Data(json.utf8))
            #expect(activities.count == 4)
            #expect(Set(activities.compactMap(\.details?.dealReference)).isSuperset(of: references))
            let v2 = try await runIG(["activity", "--api-version", "2", "--last", "1h", "--format", "csv"] + base)
            #expect(v2.hasPrefix("DATE,EPIC,DEAL ID,ACTIVITY"))
            #expect(v2.split(separator: "\n").count == 5)
            let v1 = try await runIG(["activity", "--api-version", "1", "--last", "1h", "--format", "json"] + base)
            #expect(try JSONDecoder().decode([ActivityV1].self, from: Data(v1.utf8)).count == 4)
        }
    }

    @Test("bad activity input is a usage error")
    func badInput() {
        for arguments in [
            ["activity", "--last", "7x"], ["activity", "--from", "yesterday"], ["activity", "--api-version", "4"],
            ["activity", "--api-version", "2", "--detailed"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { try IGCommand.parseAsRoot(arguments) }
        }
    }
}
