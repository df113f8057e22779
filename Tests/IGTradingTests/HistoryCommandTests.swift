import ArgumentParser
import Foundation
import IGCommands
import IGModels
import IGSimulator
import Testing

@testable import IGTrading

/// `ig activity`, `ig transactions` and `ig sprint` in-process against a running simulator.
@Suite("ig activity / transactions / sprint")
struct HistoryCommandTests {
    @Test("after real deals, each version and format lists them")
    func activityAndTransactions() async throws {
        try await withSimulator(HistoryClientTests.configuration()) { _, url in
            let base = ["--base-url", url.absoluteString]
            let references = try await withClient(url) { client in
                let references = try await HistoryClientTests.openPositions(client, count: 2)
                _ = try await client.dealing.closeAll()
                return references
            }
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

            let transactions = try await runIG(["transactions", "--format", "json"] + base)
            let decoded = try JSONDecoder().decode([Transaction].self, from: Data(transactions.utf8))
            #expect(decoded.count == 2 && decoded.allSatisfy { $0.transactionType == .deal })
            let v1Transactions = try await runIG(["transactions", "--api-version", "1", "--type", "ALL_DEAL"] + base)
            #expect(v1Transactions.contains("P&L") && v1Transactions.contains("Bitcoin"))
        }
    }

    @Test("ig sprint list/open and a dry run")
    func sprint() async throws {
        try await withSimulator { _, url in
            let base = ["--base-url", url.absoluteString]
            let dryRun = try await runIG(["sprint", "open", "FM.D.FTSE.FTSE.IP", "BUY", "5", "--dry-run"] + base)
            #expect(dryRun.contains("POST /gateway/deal/positions/sprintmarkets (Version 1)"))
            #expect(dryRun.contains(#""expiryPeriod":"FIVE_MINUTES""#))
            let empty = try await runIG(["sprint", "list", "--format", "json"] + base)
            #expect(try JSONDecoder().decode([SprintMarketPosition].self, from: Data(empty.utf8)).isEmpty)
        }
    }

    @Test("bad history input is a usage error")
    func badInput() {
        for arguments in [
            ["activity", "--last", "7x"], ["activity", "--from", "yesterday"], ["activity", "--api-version", "4"],
            ["activity", "--api-version", "2", "--detailed"], ["transactions", "--type", "BONUS"],
            ["sprint", "open", "FM.D.FTSE.FTSE.IP", "BUY", "5", "--period", "HOUR"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { try IGCommand.parseAsRoot(arguments) }
        }
    }
}
