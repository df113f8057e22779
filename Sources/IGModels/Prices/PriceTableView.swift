public import Foundation

/// A price table in one layout: named columns of decimals indexed by UTC bar time.
public struct PriceTableView: Sendable, Hashable {
    /// The layout of the columns.
    public var layout: PriceTable.Layout
    /// Column names, without the time column.
    public var columns: [String]
    /// Bar start times, UTC.
    public var times: [Date]
    /// One row of values per time, in column order (`nil` where IG sent nothing).
    public var values: [[Decimal?]]

    /// Creates a view.
    public init(layout: PriceTable.Layout, columns: [String], times: [Date], values: [[Decimal?]]) {
        self.layout = layout
        self.columns = columns
        self.times = times
        self.values = values
    }

    /// CSV with a header line; the first column is the UTC time (`yyyy-MM-ddTHH:mm:ssZ`); empty cells for `nil`.
    public func csv() -> String {
        var lines = [(["time"] + columns).joined(separator: ",")]
        lines.reserveCapacity(times.count + 1)
        for (time, row) in zip(times, values) {
            var line = IGDateFormat.iso.string(from: time) + "Z"
            for value in row {
                line += ","
                if let value { line += value.description }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array with one object per bar: `time` (UTC, ISO 8601) and every column (`null` where unknown).
    public func json() -> Data {
        var text = "["
        for (index, (time, row)) in zip(times, values).enumerated() {
            if index > 0 { text += "," }
            text += "{\"time\":\"" + IGDateFormat.iso.string(from: time) + "Z\""
            for (column, value) in zip(columns, row) {
                text += ",\"" + column + "\":" + (value.map { $0.description } ?? "null")
            }
            text += "}"
        }
        text += "]"
        return Data(text.utf8)
    }
}
