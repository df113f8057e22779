import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history show EPIC`: stored bars as a table (mid prices), CSV or JSON.
///
/// The bars are read and printed a page at a time, so a year of minute bars starts printing at once and memory stays
/// bounded. The table's columns keep the widths of the pages before and widen where a later bar needs more room.
struct HistoryShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Stored bars of a series (no request to IG).")

    @OptionGroup var series: HistorySeriesOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await storeOptions.withExistingStore(try storeOptions.location(), readOnly: true) { store in
            let key = try await series.key(in: store)
            // A series the store does not hold is a mistake to report (exit 64), not an empty answer: a script piping
            // `show -f csv` learns of a mistyped epic. A series held with no bars in the range is shown empty.
            try await EmptySeriesHint.requireStored(key, in: store, lead: "Nothing to show")
            let count = try await Self.show(key, in: series.range(), from: store, as: output.format)
            if output.format == .table { Console.line("\(counted(count, "stored bar")) of \(key).") }
            if count == 0 { try await EmptySeriesHint.note(key, rangeGiven: series.rangeGiven, store: store) }
        }
    }

    /// Prints the bars of `key` in `range` page by page; returns how many were printed.
    static func show(
        _ key: SeriesKey, in range: TimeRange, from store: MarketDataStore, as format: OutputFormat,
        pageSize: Int = MarketDataStore.defaultPageSize
    ) async throws -> Int {
        switch format {
        case .table:
            var widths: [Int] = []
            var decimals: [Int] = []
            return try await store.forEachPage(of: key, in: range, pageSize: pageSize) { page in
                let bars = Tabular.bars(page).textTable
                let header = widths.isEmpty
                decimals = bars.decimals(atLeast: decimals)
                let table = bars.padded(toDecimals: decimals)
                widths = table.widths(atLeast: widths)
                let lines = table.lines(widths: widths, header: header)
                if !lines.isEmpty { Console.line(lines.joined(separator: "\n")) }
            }
        case .csv:
            var header = true
            return try await store.forEachPage(of: key, in: range, pageSize: pageSize) { page in
                Tabular.barsDetailed(page).printCSV(header: header)
                header = false
            }
        case .json:
            var json = PagedTableJSON()
            let count = try await store.forEachPage(of: key, in: range, pageSize: pageSize) { try json.print($0) }
            json.finish()
            return count
        }
    }
}
