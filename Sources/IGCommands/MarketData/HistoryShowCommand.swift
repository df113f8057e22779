import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history show EPIC`: stored bars as a table (mid prices), CSV or JSON.
struct HistoryShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Stored bars of a series (no request to IG).")

    @OptionGroup var series: HistorySeriesOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await storeOptions.withStore(try storeOptions.location()) { store in
            let table = try await series.table(store)
            switch output.format {
            case .table:
                try Tabular.bars(table).print(as: .table)
                Console.line("\(table.rows.count) stored bars of \(try series.key).")
            case .csv: try Tabular.barsDetailed(table).print(as: .csv)
            case .json: try printJSON(table)
            }
        }
    }
}
