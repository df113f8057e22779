import Foundation
import IGModels
import Logging
import PostgresNIO

// What a copy between stores reads of recordings: rows a page at a time in key order, and gaps with the time each
// was recorded (written back through `record(_:now:copied:)`).
extension PostgresBackend {
    func recordedRowCount(_ rows: RecordedRows, environment: String, from: Int64, to: Int64) async throws -> Int {
        let logger = logger
        return try await transaction { connection in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return 0 }
            var binds = PostgresBindings()
            binds.append(environmentID)
            binds.append(rows.key)
            binds.append(from)
            binds.append(to)
            var count: Int64 = 0
            for try await found in try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT count(*)::int8 FROM \(rows.table) WHERE environment_id = $1 AND \(rows.keyColumn) = $2
                        AND time_ms >= $3 AND time_ms < $4
                        """, binds: binds), logger: logger
            ).decode(Int64.self) { count = found }
            return Int(count)
        }
    }

    func recordedRows(
        _ rows: RecordedRows, environment: String, from start: RecordedRowPosition, to: Int64, limit: Int
    ) async throws -> RecordingBatch {
        let logger = logger
        return try await transaction { connection in
            var batch = RecordingBatch(environment: environment)
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return batch }
            let columns: String
            switch rows {
            case .ticks: columns = "scale::int8, " + TickCodec.valueColumns.joined(separator: ", ")
            case .prices:
                columns = "scale::int8, " + PriceUpdateCodec.valueColumns.joined(separator: ", ") + ", dealing_flag"
            case .accountUpdates: columns = "update_json"
            }
            var binds = PostgresBindings()
            binds.append(environmentID)
            binds.append(rows.key)
            binds.append(start.time)
            binds.append(to)
            binds.append(Int64(start.sequence))
            binds.append(Int64(limit))
            let query = PostgresQuery(
                unsafeSQL: """
                    SELECT time_ms, seq::int8, \(columns) FROM \(rows.table)
                    WHERE environment_id = $1 AND \(rows.keyColumn) = $2 AND time_ms >= $3 AND time_ms < $4
                    AND (time_ms > $3 OR seq >= $5) ORDER BY time_ms, seq LIMIT $6
                    """, binds: binds)
            switch rows {
            case .ticks(let epic):
                batch.ticks = try await Self.tickRows(connection, query, epic: epic, logger: logger)
            case .prices(let epic):
                var values = [Int64?](repeating: nil, count: 8)
                for try await row in try await connection.query(query, logger: logger) {
                    let cells = row.makeRandomAccess()
                    for index in 0..<8 { values[index] = try cells[index + 3].decode(Int64?.self) }
                    batch.prices.append(
                        PriceUpdateCodec.decode(
                            epic: epic, time: try cells[0].decode(Int64.self),
                            sequence: Int(try cells[1].decode(Int64.self)),
                            scale: try StoredValue.scale(try cells[2].decode(Int64.self), in: "price_updates"),
                            values: values, dealingFlag: try cells[11].decode(String?.self)))
                }
            case .accountUpdates(let item):
                for try await (time, sequence, update) in try await connection.query(query, logger: logger).decode(
                    (Int64, Int64, String).self)
                {
                    batch.accountUpdates.append(
                        RecordedAccountUpdate(item: item, time: time, sequence: Int(sequence), update: update))
                }
            }
            return batch
        }
    }

    func gapRecords(_ stream: RecordedStream) async throws -> [GapRecord] {
        let logger = logger
        return try await transaction { connection in
            guard
                let environmentID = try await Self.environmentID(
                    connection, stream.environment, create: false, logger: logger)
            else { return [] }
            var records: [GapRecord] = []
            for try await (start, end, reason, recordedAt) in try await connection.query(
                """
                SELECT start_ms, end_ms, reason, recorded_at FROM recorded_gaps WHERE environment_id = \(environmentID)
                AND epic = \(stream.epic.rawValue) AND stream = \(stream.stream) ORDER BY start_ms
                """, logger: logger
            ).decode((Int64, Int64, String, Int64).self) {
                records.append(
                    GapRecord(
                        gap: RecordedGap(stream: stream, start: start, end: end, reason: reason),
                        recordedAt: recordedAt))
            }
            return records
        }
    }
}
