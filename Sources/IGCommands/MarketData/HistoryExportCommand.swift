import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history export EPIC`: stored bars as CSV, NDJSON or JSON, to standard output or a file.
struct HistoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export stored bars as CSV, NDJSON or JSON (no request to IG).")

    /// Export formats.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, ndjson, json
    }

    @OptionGroup var series: HistorySeriesOptions
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .shortAndLong, help: "csv, ndjson or json.") var format: ExportFormat = .csv
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        try await storeOptions.withStore(try storeOptions.location()) { store in
            let table = try await series.table(store)
            let text: String
            switch format {
            case .csv: text = Self.csv(table)
            case .ndjson: text = Self.ndjson(table)
            case .json: text = "[" + Self.objects(table).joined(separator: ",") + "]\n"
            }
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw CommandFailure("Cannot write \(output): \(error.localizedDescription)")
                }
                Console.line("\(counted(table.rows.count, "bar")) written to \(output).")
            } else {
                Console.current.write(text)
            }
        }
    }

    static let columns = ["time"] + BarCodec.valueColumns

    static func values(_ row: PriceTable.Row) -> [Decimal?] {
        row.bid.values + row.ask.values + row.lastTraded.values + [row.volume]
    }

    static func csv(_ table: PriceTable) -> String {
        var lines = [columns.joined(separator: ",")]
        for row in table.rows {
            lines.append(
                ([IGDateFormat.iso.string(from: row.time) + "Z"] + values(row).map { $0.map { "\($0)" } ?? "" })
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func objects(_ table: PriceTable) -> [String] {
        table.rows.map { row in
            var text = "{\"time\":\"" + IGDateFormat.iso.string(from: row.time) + "Z\""
            for (column, value) in zip(BarCodec.valueColumns, values(row)) {
                text += ",\"" + column + "\":" + (value.map { "\($0)" } ?? "null")
            }
            return text + "}"
        }
    }

    static func ndjson(_ table: PriceTable) -> String {
        objects(table).map { $0 + "\n" }.joined()
    }
}
