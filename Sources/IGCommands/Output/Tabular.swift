import ArgumentParser
import Foundation

/// Tabular data that can be printed as a table, JSON or CSV.
struct Tabular {
    var columns: [TextTable.Column]
    var rows: [[String]]
    /// The typed value for JSON output.
    var json: any Encodable

    func print(as format: OutputFormat) throws {
        switch format {
        case .table:
            var table = TextTable(columns)
            rows.forEach { table.add($0) }
            Console.line(table.render())
        case .csv:
            Console.line(columns.map { Self.csvField($0.title) }.joined(separator: ","))
            for row in rows { Console.line(row.map(Self.csvField).joined(separator: ",")) }
        case .json:
            try printJSON(json)
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
