import ArgumentParser
import Foundation
import IGCommands
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

/// `ig sprint` in-process against a running simulator.
@Suite("ig sprint")
struct SprintCommandTests {
    @Test("ig sprint list/open and a dry run")
    func sprint() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let dryRun = try await runIG(["sprint", "open", "FM.D.FTSE.FTSE.IP", "BUY", "5", "--dry-run"] + base)
            #expect(dryRun.contains("POST /gateway/deal/positions/sprintmarkets (Version 1)"))
            #expect(dryRun.contains(#""expiryPeriod":"FIVE_MINUTES""#))
            let empty = try await runIG(["sprint", "list", "--format", "json"] + base)
            #expect(try JSONDecoder().decode([SprintMarketPosition].self, from: Data(empty.utf8)).isEmpty)
        }
    }

    @Test("bad sprint input is a usage error")
    func badInput() {
        let arguments = ["sprint", "open", "FM.D.FTSE.FTSE.IP", "BUY", "5", "--period", "HOUR"]
        #expect(throws: (any Error).self, "\(arguments)") { try IGCommand.parseAsRoot(arguments) }
    }
}
