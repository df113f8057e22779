import GRDB

extension Row {
    /// The integer in column `index` of a row read from `table`; NULL is refused too. An error names the column by its
    /// name in the query (alias an aggregate: `max(end_ms) AS end_ms`).
    func integer(atIndex index: Int, in table: String) throws(UnreadableValue) -> Int64 {
        guard let integer = try optionalInteger(atIndex: index, in: table) else {
            throw UnreadableValue(table: table, detail: "\(columnName(at: index)) is NULL")
        }
        return integer
    }

    /// The integer in column `index` of a row read from `table`, or nil for NULL. Text, a fraction or a blob, which
    /// swift-ig never writes there but another tool may, is refused: GRDB reads a cursor's integer through SQLite's
    /// own conversion (text `'x'` becomes 0, `1.5` becomes 1) and a fetched row's by truncating, either way some
    /// other number than was stored.
    func optionalInteger(atIndex index: Int, in table: String) throws(UnreadableValue) -> Int64? {
        let value: DatabaseValue = self[index]
        let kind: String
        switch value.storage {
        case .null: return nil
        case .int64(let integer): return integer
        case .double: kind = "a fraction"
        case .string: kind = "text"
        case .blob: kind = "a blob"
        }
        throw UnreadableValue(table: table, detail: "\(columnName(at: index)) holds \(kind)")
    }

    /// The name of column `index` in the query that produced this row (only when an error names it).
    private func columnName(at index: Int) -> String {
        let names = Array(columnNames)
        return names.indices.contains(index) ? names[index] : "column \(index + 1)"
    }
}
