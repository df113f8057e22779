import Foundation
import GRDB
import IGModels

// What a copy between stores reads of recordings: rows a page at a time in key order, and gaps with the time each
// was recorded (written back through `record(_:now:copied:)`).
extension SQLiteBackend {
    func recordedRowCount(_ rows: RecordedRows, environment: String, from: Int64, to: Int64) async throws -> Int {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return 0 }
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM \(rows.table) WHERE environment_id = ? AND \(rows.keyColumn) = ?
                    AND time_ms >= ? AND time_ms < ?
                    """, arguments: [environmentID, rows.key, from, to]) ?? 0
        }
    }

    func recordedRows(
        _ rows: RecordedRows, environment: String, from start: RecordedRowPosition, to: Int64, limit: Int
    ) async throws -> RecordingBatch {
        try await pool.read { db in
            var batch = RecordingBatch(environment: environment)
            guard let environmentID = try environmentID(db, environment, create: false) else { return batch }
            // After time and sequence, the columns each table's decoder reads.
            let columns: String
            switch rows {
            case .ticks: columns = Self.tickColumns
            case .prices: columns = Self.priceColumns
            case .accountUpdates: columns = "update_json"
            }
            let found = try Row.fetchCursor(
                db,
                sql: """
                    SELECT time_ms, seq, \(columns) FROM \(rows.table)
                    WHERE environment_id = ? AND \(rows.keyColumn) = ? AND time_ms >= ? AND time_ms < ?
                    AND (time_ms > ? OR seq >= ?) ORDER BY time_ms, seq LIMIT ?
                    """,
                arguments: [environmentID, rows.key, start.time, to, start.time, start.sequence, limit])
            while let row = try found.next() {
                switch rows {
                case .ticks(let epic): batch.ticks.append(try Self.tick(row, epic: epic))
                case .prices(let epic): batch.prices.append(try Self.price(row, epic: epic))
                case .accountUpdates(let item): batch.accountUpdates.append(try Self.accountUpdate(row, item: item))
                }
            }
            return batch
        }
    }

    func gapRecords(_ stream: RecordedStream) async throws -> [GapRecord] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, stream.environment, create: false) else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT start_ms, end_ms, reason, recorded_at FROM recorded_gaps WHERE environment_id = ?
                    AND epic = ? AND stream = ? ORDER BY start_ms
                    """, arguments: [environmentID, stream.epic.rawValue, stream.stream]
            ).map { row in
                GapRecord(
                    gap: RecordedGap(
                        stream: stream, start: try row.integer(atIndex: 0, in: "recorded_gaps"),
                        end: try row.integer(atIndex: 1, in: "recorded_gaps"), reason: try row.decode(atIndex: 2)),
                    recordedAt: try row.integer(atIndex: 3, in: "recorded_gaps"))
            }
        }
    }
}
