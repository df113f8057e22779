import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig transactions`: profits, losses and cash movements (IG transaction history v2 or v1).
struct TransactionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions", abstract: "Transactions: closed deals' P&L and cash movements (newest first).")

    @OptionGroup var window: HistoryWindowOptions
    @Option(help: "ALL, ALL_DEAL, DEPOSIT or WITHDRAWAL.") var type = TransactionFilterArgument.all
    @Option(help: "Transactions per request (v2; 0 = unpaged).") var pageSize = 20
    @Option(help: "IG API version: 2 or 1.") var apiVersion = 2
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard apiVersion == 1 || apiVersion == 2 else { throw ValidationError("--api-version must be 1 or 2.") }
        guard pageSize >= 0 else { throw ValidationError("--page-size must be 0 or more.") }
    }

    func run() async throws {
        let (from, to) = try window.window()
        let filter = type.value
        try await connection.withClient { client in
            let transactions: [Transaction]
            if apiVersion == 2 {
                transactions = try await client.history.transactions(filter, from: from, to: to, pageSize: pageSize)
            } else if window.from == nil && window.to == nil {
                transactions = try await client.history.transactionsV1(
                    filter, last: .seconds(to.timeIntervalSince(from)))
            } else {
                transactions = try await client.history.transactionsV1(filter, from: from, to: to)
            }
            try Tabular(
                columns: [
                    .init(title: "DATE"), .init(title: "INSTRUMENT"), .init(title: "TYPE"), .init(title: "REFERENCE"),
                    .init(title: "SIZE", alignment: .right), .init(title: "OPEN", alignment: .right),
                    .init(title: "CLOSE", alignment: .right), .init(title: "P&L", alignment: .right),
                ],
                rows: transactions.map {
                    [
                        $0.dateUtc ?? $0.date ?? "-", $0.instrumentName ?? "-", text($0.transactionType),
                        $0.reference ?? "-", $0.size ?? "-", $0.openLevel ?? "-", $0.closeLevel ?? "-",
                        $0.profitAndLoss ?? "-",
                    ]
                },
                json: transactions
            ).print(as: output.format)
        }
    }
}
