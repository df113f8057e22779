import Foundation
import IGModels
import Logging
import PostgresNIO

// What the stream recorder writes and reads: ticks, spans and gaps (schema version 2). Ticks go in one
// `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING` per batch, so recorders on several machines writing the
// same ticks leave one row each.
extension PostgresBackend {
    /// Runs `body` in a transaction on the store's connection, one operation at a time, within the store's deadline
    /// (``PostgresURL/queryTimeout``): a connection the server dropped cannot hold a recorder forever.
    private func recordingTransaction<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let logger = logger
        return try await transaction { connection in try await body(connection, logger) }
    }

    func record(_ batch: RecordingBatch, now: Date, copied gapTimes: [Int64]?) async throws -> Int {
        // A copy counts the rows it adds; the recorder does not ask.
        let counting = gapTimes != nil
        @Sendable func counted(_ insert: String) -> String {
            counting ? "WITH added AS (\(insert) RETURNING 1) SELECT count(*)::int8 FROM added" : insert
        }
        var columns = [[Int64]](repeating: [], count: 8)
        var epics: [String] = []
        epics.reserveCapacity(batch.ticks.count)
        for tick in batch.ticks {
            let (scale, values) = try TickCodec.encode(tick)
            epics.append(tick.epic.rawValue)
            columns[0].append(tick.time)
            columns[1].append(Int64(tick.sequence))
            columns[2].append(Int64(scale))
            for (index, value) in values.enumerated() { columns[index + 3].append(value ?? Self.nullMarker) }
        }
        let recordedAt = TimeRange.seconds(now)
        let prices = try Self.priceColumns(batch.prices)
        return try await recordingTransaction { [columns, epics] connection, logger in
            var added = 0
            func run(_ query: PostgresQuery) async throws {
                for try await count in try await connection.query(query, logger: logger).decode(Int64.self) {
                    added += Int(count)
                }
            }
            var environments: [String: Int64] = [:]
            func environment(_ name: String) async throws -> Int64 {
                if let id = environments[name] { return id }
                guard
                    let id = try await Self.environmentID(connection, name, create: true, logger: logger)
                else { throw StoreError(.database, "Cannot create the environment \(name).") }
                environments[name] = id
                return id
            }
            if !epics.isEmpty {
                let environmentID = try await environment(batch.environment)
                let names = ["time_ms", "seq", "scale"] + TickCodec.valueColumns
                let arrays = (0..<8).map { "$\($0 + 3)::int8[]" }.joined(separator: ", ")
                let selected =
                    ["$1", "u.epic", "u.time_ms", "u.seq::int4", "u.scale::smallint"]
                    + TickCodec.valueColumns.map { "nullif(u.\($0), \(Self.nullMarker))" }
                var query = PostgresQuery(
                    unsafeSQL: counted(
                        """
                        INSERT INTO ticks (environment_id, epic, \(names.joined(separator: ", ")))
                        SELECT \(selected.joined(separator: ", ")) FROM unnest($2::text[], \(arrays))
                        AS u(epic, \(names.joined(separator: ", "))) ON CONFLICT DO NOTHING
                        """))
                query.binds.append(environmentID)
                query.binds.append(epics)
                for column in columns { query.binds.append(column) }
                try await run(query)
            }
            if !batch.prices.isEmpty {
                let environmentID = try await environment(batch.environment)
                let names = ["time_ms", "seq", "scale"] + PriceUpdateCodec.valueColumns
                let arrays = (0..<11).map { "$\($0 + 3)::int8[]" }.joined(separator: ", ")
                let selected =
                    ["$1", "u.epic", "u.time_ms", "u.seq::int4", "u.scale::smallint"]
                    + PriceUpdateCodec.valueColumns.map { "nullif(u.\($0), \(Self.nullMarker))" } + [
                        "nullif(u.dealing_flag, '')"
                    ]
                var query = PostgresQuery(
                    unsafeSQL: counted(
                        """
                        INSERT INTO price_updates (environment_id, epic, \(names.joined(separator: ", ")), dealing_flag)
                        SELECT \(selected.joined(separator: ", ")) FROM unnest($2::text[], \(arrays), $14::text[])
                        AS u(epic, \(names.joined(separator: ", ")), dealing_flag) ON CONFLICT DO NOTHING
                        """))
                query.binds.append(environmentID)
                query.binds.append(batch.prices.map(\.epic.rawValue))
                for column in prices { query.binds.append(column) }
                query.binds.append(batch.prices.map { $0.dealingFlag ?? "" })
                try await run(query)
            }
            if !batch.accountUpdates.isEmpty {
                let environmentID = try await environment(batch.environment)
                var query = PostgresQuery(
                    unsafeSQL: counted(
                        """
                        INSERT INTO account_updates (environment_id, item, time_ms, seq, update_json)
                        SELECT $1, u.item, u.time_ms, u.seq::int4, u.update_json
                        FROM unnest($2::text[], $3::int8[], $4::int8[], $5::text[]) AS u(item, time_ms, seq, update_json)
                        ON CONFLICT DO NOTHING
                        """))
                query.binds.append(environmentID)
                query.binds.append(batch.accountUpdates.map(\.item))
                query.binds.append(batch.accountUpdates.map(\.time))
                query.binds.append(batch.accountUpdates.map { Int64($0.sequence) })
                query.binds.append(batch.accountUpdates.map(\.update))
                try await run(query)
            }
            for span in batch.spans {
                let environmentID = try await environment(span.stream.environment)
                try await connection.query(
                    """
                    INSERT INTO recorded_spans (environment_id, epic, stream, start_ms, end_ms)
                    VALUES (\(environmentID), \(span.stream.epic.rawValue), \(span.stream.stream), \(span.start),
                    \(span.end)) ON CONFLICT (environment_id, epic, stream, start_ms)
                    DO UPDATE SET end_ms = greatest(recorded_spans.end_ms, excluded.end_ms)
                    """, logger: logger)
            }
            for (index, gap) in batch.gaps.enumerated() {
                let environmentID = try await environment(gap.stream.environment)
                let written = gapTimes.flatMap { index < $0.count ? $0[index] : nil } ?? recordedAt
                try await connection.query(
                    """
                    INSERT INTO recorded_gaps (environment_id, epic, stream, start_ms, end_ms, reason, recorded_at)
                    VALUES (\(environmentID), \(gap.stream.epic.rawValue), \(gap.stream.stream), \(gap.start),
                    \(gap.end), \(gap.reason), \(written)) ON CONFLICT (environment_id, epic, stream, start_ms)
                    DO UPDATE SET end_ms = greatest(recorded_gaps.end_ms, excluded.end_ms)
                    """, logger: logger)
            }
            return added
        }
    }

    func ticks(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedTick] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [] }
            return try await Self.tickRows(
                connection,
                PostgresQuery(
                    unsafeSQL: """
                        SELECT time_ms, seq::int8, scale::int8, \(TickCodec.valueColumns.joined(separator: ", "))
                        FROM ticks WHERE environment_id = $1 AND epic = $2 AND time_ms >= $3 AND time_ms < $4
                        ORDER BY time_ms, seq
                        """,
                    binds: Self.binds(environmentID, epic, from, to)), epic: epic, logger: logger)
        }
    }

    /// The eleven `int8` columns of PRICE updates (time, seq, scale, the eight values; null as ``nullMarker``).
    private static func priceColumns(_ prices: [RecordedPrice]) throws -> [[Int64]] {
        var columns = [[Int64]](repeating: [], count: 11)
        for price in prices {
            let (scale, values) = try PriceUpdateCodec.encode(price)
            columns[0].append(price.time)
            columns[1].append(Int64(price.sequence))
            columns[2].append(Int64(scale))
            for (index, value) in values.enumerated() { columns[index + 3].append(value ?? Self.nullMarker) }
        }
        return columns
    }

    func prices(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedPrice] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [] }
            let query = PostgresQuery(
                unsafeSQL: """
                    SELECT time_ms, seq::int8, scale::int8, \(PriceUpdateCodec.valueColumns.joined(separator: ", ")),
                    dealing_flag FROM price_updates WHERE environment_id = $1 AND epic = $2 AND time_ms >= $3
                    AND time_ms < $4 ORDER BY time_ms, seq
                    """,
                binds: Self.binds(environmentID, epic, from, to))
            var result: [RecordedPrice] = []
            var values = [Int64?](repeating: nil, count: 8)
            for try await row in try await connection.query(query, logger: logger) {
                let cells = row.makeRandomAccess()
                for index in 0..<8 { values[index] = try cells[index + 3].decode(Int64?.self) }
                result.append(
                    PriceUpdateCodec.decode(
                        epic: epic, time: try cells[0].decode(Int64.self),
                        sequence: Int(try cells[1].decode(Int64.self)),
                        scale: try StoredValue.scale(try cells[2].decode(Int64.self), in: "price_updates"),
                        values: values, dealingFlag: try cells[11].decode(String?.self)))
            }
            return result
        }
    }

    func accountUpdates(environment: String, from: Int64, to: Int64) async throws -> [RecordedAccountUpdate] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [] }
            var result: [RecordedAccountUpdate] = []
            for try await (item, time, sequence, update) in try await connection.query(
                """
                SELECT item, time_ms, seq::int8, update_json FROM account_updates
                WHERE environment_id = \(environmentID) AND time_ms >= \(from) AND time_ms < \(to)
                ORDER BY time_ms, item, seq
                """, logger: logger
            ).decode((String, Int64, Int64, String).self) {
                result.append(RecordedAccountUpdate(item: item, time: time, sequence: Int(sequence), update: update))
            }
            return result
        }
    }

    private static func binds(_ environmentID: Int64, _ epic: String, _ from: Int64, _ to: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(environmentID)
        binds.append(epic)
        binds.append(from)
        binds.append(to)
        return binds
    }

    static func tickRows(
        _ connection: PostgresConnection, _ query: PostgresQuery, epic: String, logger: Logger
    ) async throws -> [RecordedTick] {
        var result: [RecordedTick] = []
        var values = [Int64?](repeating: nil, count: 5)
        for try await row in try await connection.query(query, logger: logger) {
            let cells = row.makeRandomAccess()
            for index in 0..<5 { values[index] = try cells[index + 3].decode(Int64?.self) }
            result.append(
                TickCodec.decode(
                    epic: epic, time: try cells[0].decode(Int64.self), sequence: Int(try cells[1].decode(Int64.self)),
                    scale: try StoredValue.scale(try cells[2].decode(Int64.self), in: "ticks"), values: values))
        }
        return result
    }

    func spans(_ stream: RecordedStream, from: Int64, to: Int64) async throws -> [RecordedSpan] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, stream.environment, create: false, logger: logger)
            else { return [] }
            var spans: [RecordedSpan] = []
            for try await (start, end) in try await connection.query(
                """
                SELECT start_ms, end_ms FROM recorded_spans WHERE environment_id = \(environmentID)
                AND epic = \(stream.epic.rawValue) AND stream = \(stream.stream) AND end_ms >= \(from)
                AND start_ms < \(to) ORDER BY start_ms
                """, logger: logger
            ).decode((Int64, Int64).self) { spans.append(RecordedSpan(stream: stream, start: start, end: end)) }
            return spans
        }
    }

    func gaps(
        environment: String, epic: String?, stream: String?, from: Int64, to: Int64
    ) async throws -> [RecordedGap] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [] }
            var gaps: [RecordedGap] = []
            for try await (epicName, streamName, start, end, reason) in try await connection.query(
                """
                SELECT epic, stream, start_ms, end_ms, reason FROM recorded_gaps
                WHERE environment_id = \(environmentID) AND (\(epic)::text IS NULL OR epic = \(epic))
                AND (\(stream)::text IS NULL OR stream = \(stream)) AND end_ms >= \(from) AND start_ms < \(to)
                ORDER BY start_ms, epic, stream
                """, logger: logger
            ).decode((String, String, Int64, Int64, String).self) {
                gaps.append(
                    RecordedGap(
                        stream: RecordedStream(
                            environment: environment, epic: Epic(rawValue: epicName), stream: streamName),
                        start: start, end: end, reason: reason))
            }
            return gaps
        }
    }

    func recordingEnds(environment: String) async throws -> [RecordedStream: Int64] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [:] }
            var ends: [RecordedStream: Int64] = [:]
            for try await (epic, stream, end) in try await connection.query(
                """
                SELECT epic, stream, max(end_ms) FROM recorded_spans WHERE environment_id = \(environmentID)
                GROUP BY epic, stream
                """, logger: logger
            ).decode((String, String, Int64).self) {
                ends[RecordedStream(environment: environment, epic: Epic(rawValue: epic), stream: stream)] = end
            }
            return ends
        }
    }

    func recordings(environment: String?) async throws -> [RecordingStatus] {
        try await recordingTransaction { connection, logger in
            var result: [RecordingStatus] = []
            for try await (name, epic, stream, first, last, spans, gaps) in try await connection.query(
                """
                SELECT e.name, r.epic, r.stream, min(r.start_ms), max(r.end_ms), count(*),
                    (SELECT count(*) FROM recorded_gaps g WHERE g.environment_id = r.environment_id
                    AND g.epic = r.epic AND g.stream = r.stream)
                FROM recorded_spans r JOIN environments e ON e.id = r.environment_id
                WHERE \(environment)::text IS NULL OR e.name = \(environment)::text
                GROUP BY e.name, r.environment_id, r.epic, r.stream ORDER BY e.name, r.epic, r.stream
                """, logger: logger
            ).decode((String, String, String, Int64, Int64, Int64, Int64).self) {
                result.append(
                    RecordingStatus(
                        stream: RecordedStream(environment: name, epic: Epic(rawValue: epic), stream: stream),
                        first: first, last: last, spans: Int(spans), gaps: Int(gaps)))
            }
            return result
        }
    }

    func latestTicks(environment: String, epics: [String]) async throws -> [String: [RecordedTick]] {
        try await recordingTransaction { connection, logger in
            guard
                let environmentID = try await Self.environmentID(
                    connection, environment, create: false, logger: logger)
            else { return [:] }
            var result: [String: [RecordedTick]] = [:]
            for epic in epics {
                var binds = PostgresBindings()
                binds.append(environmentID)
                binds.append(epic)
                let ticks = try await Self.tickRows(
                    connection,
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT time_ms, seq::int8, scale::int8, \(TickCodec.valueColumns.joined(separator: ", "))
                            FROM ticks WHERE environment_id = $1 AND epic = $2 AND time_ms = (SELECT max(time_ms)
                            FROM ticks WHERE environment_id = $1 AND epic = $2) ORDER BY seq
                            """, binds: binds), epic: epic, logger: logger)
                if !ticks.isEmpty { result[epic] = ticks }
            }
            return result
        }
    }
}
