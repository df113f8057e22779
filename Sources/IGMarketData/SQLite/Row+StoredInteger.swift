import GRDB

extension Row {
    /// The integer in column `index`, or nil for NULL. Text, a fraction or a blob, which swift-ig never writes there
    /// but another tool may, is refused: GRDB reads a cursor's integer through SQLite's own conversion (text `'x'`
    /// becomes 0, `1.5` becomes 1) and a fetched row's by truncating, either way some other number than was stored.
    func storedInteger(
        atIndex index: Int, _ column: @autoclosure () -> String, in table: String
    ) throws(UnreadableValue) -> Int64? {
        let value: DatabaseValue = self[index]
        switch value.storage {
        case .null: return nil
        case .int64(let integer): return integer
        case .double: throw UnreadableValue(table: table, detail: "\(column()) holds a fraction")
        case .string: throw UnreadableValue(table: table, detail: "\(column()) holds text")
        case .blob: throw UnreadableValue(table: table, detail: "\(column()) holds a blob")
        }
    }

    /// The integer in column `index`, as ``storedInteger(atIndex:_:in:)`` reads it; NULL is refused too.
    func requiredInteger(
        atIndex index: Int, _ column: @autoclosure () -> String, in table: String
    ) throws(UnreadableValue) -> Int64 {
        guard let integer = try storedInteger(atIndex: index, column(), in: table) else {
            throw UnreadableValue(table: table, detail: "\(column()) is NULL")
        }
        return integer
    }

    /// The integer in column `index` of a row read from `table`, checked as ``requiredInteger(atIndex:_:in:)``
    /// checks it, and named in an error by the column's name in the query.
    func integer(atIndex index: Int, in table: String) throws(UnreadableValue) -> Int64 {
        try requiredInteger(atIndex: index, columnName(at: index), in: table)
    }

    /// The integer or NULL in column `index` of a row read from `table`, checked as
    /// ``storedInteger(atIndex:_:in:)`` checks it.
    func optionalInteger(atIndex index: Int, in table: String) throws(UnreadableValue) -> Int64? {
        try storedInteger(atIndex: index, columnName(at: index), in: table)
    }

    /// The name of column `index` in the query that produced this row (only when an error names it).
    private func columnName(at index: Int) -> String {
        let names = Array(columnNames)
        return names.indices.contains(index) ? names[index] : "column \(index + 1)"
    }
}
