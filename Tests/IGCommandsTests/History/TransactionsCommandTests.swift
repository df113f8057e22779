import ArgumentParser
import Foundation
import IGCommands
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

/// `ig transactions` in-process against a running simulator.
@Suite("ig transactions")
struct TransactionsCommandTests {
    @Test("after real deals, v2 as JSON and v1 as a table list them")
    func transactions() async throws {
        try await IGSimulator.withRunning(configuration: dealingConfiguration()) { _, url in
            let base = ["--base-url", url.absoluteString]
            _ = try await openAndCloseBitcoinPositions(simulatorAt: url, count: 2)
            let transactions = try await runIG(["transactions", "--format", "json"] + base)
            let decoded = try JSONDecoder().decode([Transaction].self, from: Data(transactions.utf8))
            #expect(decoded.count == 2 && decoded.allSatisfy { $0.transactionType == .deal })
            let v1Transactions = try await runIG(["transactions", "--api-version", "1", "--type", "ALL_DEAL"] + base)
            #expect(v1Transactions.contains("P&L") && v1Transactions.contains("Bitcoin"))
        }
    }

    @Test("bad transactions input is a usage error")
    func badInput() {
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["transactions", "--type", "BONUS"]) }
    }
}
