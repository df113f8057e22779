import GRDB
import IGModels

// Recorded rows read back, every integer checked (`Row.integer`): one decoder per table for every query that
// reads it (a stream's rows, a page of them for a copy, the latest millisecond's ticks).
extension SQLiteBackend {
    /// The columns of a tick after its time and sequence, as ``tick(_:epic:)`` reads them.
    static let tickColumns = "scale, " + TickCodec.valueColumns.joined(separator: ", ")
    /// The columns of a PRICE update after its time and sequence, as ``price(_:epic:)`` reads them.
    static let priceColumns = "scale, " + PriceUpdateCodec.valueColumns.joined(separator: ", ") + ", dealing_flag"

    /// A tick of `epic` from a row of `time_ms, seq, ` and ``tickColumns``.
    static func tick(_ row: Row, epic: String) throws -> RecordedTick {
        let table = "ticks"
        return TickCodec.decode(
            epic: epic, time: try row.integer(atIndex: 0, in: table),
            sequence: try sequence(row, in: table),
            scale: try StoredValue.scale(try row.integer(atIndex: 2, in: table), in: table),
            values: try values(row, TickCodec.valueColumns, in: table))
    }

    /// A PRICE update of `epic` from a row of `time_ms, seq, ` and ``priceColumns``.
    static func price(_ row: Row, epic: String) throws -> RecordedPrice {
        let table = "price_updates"
        let columns = PriceUpdateCodec.valueColumns
        return PriceUpdateCodec.decode(
            epic: epic, time: try row.integer(atIndex: 0, in: table),
            sequence: try sequence(row, in: table),
            scale: try StoredValue.scale(try row.integer(atIndex: 2, in: table), in: table),
            values: try values(row, columns, in: table), dealingFlag: try row.decode(atIndex: 3 + columns.count))
    }

    /// An account update of `item` from a row of `time_ms, seq, update_json`.
    static func accountUpdate(_ row: Row, item: String) throws -> RecordedAccountUpdate {
        RecordedAccountUpdate(
            item: item, time: try row.integer(atIndex: 0, in: "account_updates"),
            sequence: try sequence(row, in: "account_updates"), update: try row.decode(atIndex: 2))
    }

    /// The sequence in column 1 (its range is checked with the time's: `StoredValue.check(rows:in:)`).
    private static func sequence(_ row: Row, in table: String) throws -> Int {
        Int(try row.integer(atIndex: 1, in: table))
    }

    /// The values from column 3 on, one per name in `columns`.
    private static func values(_ row: Row, _ columns: [String], in table: String) throws -> [Int64?] {
        try columns.indices.map { try row.optionalInteger(atIndex: 3 + $0, in: table) }
    }
}
