import Foundation
import IGModels

/// Prints a ``PriceTable`` a page of rows at a time, in the very bytes ``printJSON(_:)`` gives for the whole table.
///
/// The table's keys are sorted, so `rows` comes last: the fields before it are printed with the first page, each row
/// is written as it would appear inside the array (by hand, see ``element(_:)``, or by `JSONEncoder` and indented),
/// and ``finish()`` closes the array and object.
struct PagedTableJSON {
    private let encoder = JSONEncoder.pretty
    /// The whole table without rows, as ``printJSON(_:)`` prints it, once the first page is in.
    private var empty: String?
    /// Whether a row has been printed (rows are separated by commas).
    private var wroteRow = false

    /// Prints the rows of `page`; the first page's epic, resolution and instrument type head the output.
    mutating func print(_ page: PriceTable) throws {
        var text = ""
        if empty == nil {
            var fields = page
            fields.rows = []
            let whole = String(decoding: try encoder.encode(fields), as: UTF8.self)
            empty = whole
            guard !page.rows.isEmpty else { return }
            guard let marker = whole.range(of: "\"rows\" : [", options: .backwards) else {
                throw CommandFailure("The price table's JSON has no rows array to print page by page.")
            }
            text = String(whole[..<marker.upperBound])
        }
        for row in page.rows {
            text += wroteRow ? ",\n" : "\n"
            if let written = Self.element(row) {
                text += written
            } else {
                let object = String(decoding: try encoder.encode(row), as: UTF8.self)
                // Indented as an element of the array, lines left empty (an empty object's) staying empty.
                let lines = object.split(separator: "\n", omittingEmptySubsequences: false)
                text += lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            }
            wroteRow = true
        }
        if !text.isEmpty { Console.current.write(text) }
    }

    /// `row` as `JSONEncoder.pretty` writes it as an element of the table's array, written by hand (several times
    /// faster); nil for a time `JSONEncoder` might write otherwise (before 1970, after 9999, or between seconds).
    static func element(_ row: PriceTable.Row) -> String? {
        let seconds = row.time.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800, seconds.rounded(.down) == seconds else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(640)
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func append(_ name: String, _ ohlc: PriceTable.OHLC) {
            // Keys sorted, absent values left out, as the synthesized `Encodable` and `.sortedKeys` do.
            let values = [("close", ohlc.close), ("high", ohlc.high), ("low", ohlc.low), ("open", ohlc.open)]
            append("      \"\(name)\" : {\n")
            var first = true
            for case let (key, value?) in values {
                append(first ? "        \"\(key)\" : " : ",\n        \"\(key)\" : ")
                DecimalBits.appendText(value, to: &bytes)
                first = false
            }
            append("\n      },\n")
        }
        append("    {\n")
        append("ask", row.ask)
        append("bid", row.bid)
        append("lastTraded", row.lastTraded)
        append("      \"time\" : \"" + IGDateFormat.iso.string(from: row.time) + "Z\"")
        if let volume = row.volume {
            append(",\n      \"volume\" : ")
            DecimalBits.appendText(volume, to: &bytes)
        }
        append("\n    }")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ends the output: closes the rows array and the object, or prints the table without rows when none came.
    func finish() {
        if wroteRow {
            Console.line("\n  ]\n}")
        } else if let empty {
            Console.line(empty)
        }
    }
}
