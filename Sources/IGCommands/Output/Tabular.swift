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
            Console.line(textTable.render())
        case .csv:
            printCSV()
        case .json:
            try printJSON(json)
        }
    }

    /// The columns and rows as a text table.
    var textTable: TextTable {
        var table = TextTable(columns)
        table.rows = rows
        return table
    }

    /// Prints the rows as CSV lines, after a line of column titles when `header` is true.
    func printCSV(header: Bool = true) {
        var text = ""
        if header { text += columns.map { Self.csvField($0.title) }.joined(separator: ",") + "\n" }
        for row in rows { text += row.map(Self.csvField).joined(separator: ",") + "\n" }
        if !text.isEmpty { Console.current.write(text) }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
