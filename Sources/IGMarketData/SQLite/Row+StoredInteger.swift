import GRDB

extension Row {
    /// The integer in column `index`, or nil for NULL. Text, a fraction or a blob, which swift-ig never writes there
    /// but another tool may, is refused: GRDB reads a cursor's integer through SQLite's own conversion (text `'x'`
    /// becomes 0, `1.5` becomes 1) and a fetched row's by rounding, either way some other number than was stored.
    func storedInteger(atIndex index: Int, _ column: String, in table: String) throws(UnreadableValue) -> Int64? {
        let value: DatabaseValue = self[index]
        switch value.storage {
        case .null: return nil
        case .int64(let integer): return integer
        case .double: throw UnreadableValue(table: table, detail: "\(column) holds a fraction")
        case .string: throw UnreadableValue(table: table, detail: "\(column) holds text")
        case .blob: throw UnreadableValue(table: table, detail: "\(column) holds a blob")
        }
    }

    /// The integer in column `index`, as ``storedInteger(atIndex:_:in:)`` reads it; NULL is refused too.
    func requiredInteger(atIndex index: Int, _ column: String, in table: String) throws(UnreadableValue) -> Int64 {
        guard let integer = try storedInteger(atIndex: index, column, in: table) else {
            throw UnreadableValue(table: table, detail: "\(column) is NULL")
        }
        return integer
    }
}
