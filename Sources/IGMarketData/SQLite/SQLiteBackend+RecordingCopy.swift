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
            // Values from the fourth column on, after time, sequence and scale (none for account updates).
            let columns: [String]
            switch rows {
            case .ticks: columns = ["scale"] + TickCodec.valueColumns
            case .prices: columns = ["scale"] + PriceUpdateCodec.valueColumns + ["dealing_flag"]
            case .accountUpdates: columns = ["NULL", "update_json"]
            }
            let found = try Row.fetchCursor(
                db,
                sql: """
                    SELECT time_ms, seq, \(columns.joined(separator: ", ")) FROM \(rows.table)
                    WHERE environment_id = ? AND \(rows.keyColumn) = ? AND time_ms >= ? AND time_ms < ?
                    AND (time_ms > ? OR seq >= ?) ORDER BY time_ms, seq LIMIT ?
                    """,
                arguments: [environmentID, rows.key, start.time, to, start.time, start.sequence, limit])
            while let row = try found.next() {
                let time: Int64 = try row.decode(atIndex: 0)
                let sequence: Int = try row.decode(atIndex: 1)
                switch rows {
                case .ticks(let epic):
                    let values: [Int64?] = try (3..<8).map { try row.decode(atIndex: $0) }
                    batch.ticks.append(
                        TickCodec.decode(
                            epic: epic, time: time, sequence: sequence,
                            scale: try StoredValue.scale(try row.decode(atIndex: 2), in: "ticks"), values: values))
                case .prices(let epic):
                    let values: [Int64?] = try (3..<11).map { try row.decode(atIndex: $0) }
                    batch.prices.append(
                        PriceUpdateCodec.decode(
                            epic: epic, time: time, sequence: sequence,
                            scale: try StoredValue.scale(try row.decode(atIndex: 2), in: "price_updates"),
                            values: values, dealingFlag: try row.decode(atIndex: 11)))
                case .accountUpdates(let item):
                    batch.accountUpdates.append(
                        RecordedAccountUpdate(
                            item: item, time: time, sequence: sequence, update: try row.decode(atIndex: 3)))
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
                        stream: stream, start: try row.decode(atIndex: 0), end: try row.decode(atIndex: 1),
                        reason: try row.decode(atIndex: 2)),
                    recordedAt: try row.decode(atIndex: 3))
            }
        }
    }
}
