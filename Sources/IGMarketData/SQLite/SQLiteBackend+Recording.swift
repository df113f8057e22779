import Foundation
import GRDB
import IGModels

// What the stream recorder writes and reads: ticks, spans and gaps (schema version 2), PRICE and ACCOUNT/TRADE
// updates (version 3).
extension SQLiteBackend {
    func record(_ batch: RecordingBatch, now: Date, copied gapTimes: [Int64]?) async throws -> Int {
        // Encode before taking the write lock, so a value that cannot be stored fails the batch without writing.
        let encoded = try batch.ticks.map { tick in (tick, try TickCodec.encode(tick)) }
        let prices = try batch.prices.map { price in (price, try PriceUpdateCodec.encode(price)) }
        return try await pool.writeWithoutTransaction { db in
            var added = 0
            try db.inTransaction(.immediate) {
                added = 0
                var environments: [String: Int64] = [:]
                func environment(_ name: String) throws -> Int64 {
                    if let id = environments[name] { return id }
                    guard let id = try environmentID(db, name, create: true) else {
                        throw StoreError(.database, "Cannot create the environment \(name).")
                    }
                    environments[name] = id
                    return id
                }
                if !encoded.isEmpty {
                    let environmentID = try environment(batch.environment)
                    let columns = TickCodec.valueColumns.joined(separator: ", ")
                    let statement = try db.cachedStatement(
                        sql: "INSERT OR IGNORE INTO ticks (environment_id, epic, time_ms, seq, scale, \(columns)) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    for (tick, (scale, values)) in encoded {
                        var arguments: StatementArguments = [
                            environmentID, tick.epic.rawValue, tick.time, tick.sequence, scale,
                        ]
                        arguments += StatementArguments(values)
                        try statement.execute(arguments: arguments)
                        added += db.changesCount
                    }
                }
                if !prices.isEmpty {
                    let environmentID = try environment(batch.environment)
                    let columns = PriceUpdateCodec.valueColumns.joined(separator: ", ")
                    let statement = try db.cachedStatement(
                        sql: "INSERT OR IGNORE INTO price_updates (environment_id, epic, time_ms, seq, scale, "
                            + "\(columns), dealing_flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    for (price, (scale, values)) in prices {
                        var arguments: StatementArguments = [
                            environmentID, price.epic.rawValue, price.time, price.sequence, scale,
                        ]
                        arguments += StatementArguments(values)
                        arguments += [price.dealingFlag]
                        try statement.execute(arguments: arguments)
                        added += db.changesCount
                    }
                }
                if !batch.accountUpdates.isEmpty {
                    let environmentID = try environment(batch.environment)
                    let statement = try db.cachedStatement(
                        sql: "INSERT OR IGNORE INTO account_updates (environment_id, item, time_ms, seq, update_json) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    for update in batch.accountUpdates {
                        try statement.execute(
                            arguments: [environmentID, update.item, update.time, update.sequence, update.update])
                        added += db.changesCount
                    }
                }
                for span in batch.spans {
                    try db.execute(
                        sql: """
                            INSERT INTO recorded_spans (environment_id, epic, stream, start_ms, end_ms)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (environment_id, epic, stream, start_ms)
                            DO UPDATE SET end_ms = max(end_ms, excluded.end_ms)
                            """,
                        arguments: [
                            try environment(span.stream.environment), span.stream.epic.rawValue, span.stream.stream,
                            span.start, span.end,
                        ])
                }
                for (index, gap) in batch.gaps.enumerated() {
                    let recordedAt = gapTimes.flatMap { index < $0.count ? $0[index] : nil } ?? TimeRange.seconds(now)
                    try db.execute(
                        sql: """
                            INSERT INTO recorded_gaps (environment_id, epic, stream, start_ms, end_ms, reason,
                            recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (environment_id, epic, stream, start_ms)
                            DO UPDATE SET end_ms = max(end_ms, excluded.end_ms)
                            """,
                        arguments: [
                            try environment(gap.stream.environment), gap.stream.epic.rawValue, gap.stream.stream,
                            gap.start, gap.end, gap.reason, recordedAt,
                        ])
                }
                return .commit
            }
            return added
        }
    }

    func ticks(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedTick] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [] }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT time_ms, seq, \(Self.tickColumns) FROM ticks WHERE environment_id = ? AND epic = ?
                    AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, seq
                    """, arguments: [environmentID, epic, from, to])
            var result: [RecordedTick] = []
            while let row = try rows.next() { result.append(try Self.tick(row, epic: epic)) }
            return result
        }
    }

    func prices(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedPrice] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [] }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT time_ms, seq, \(Self.priceColumns) FROM price_updates WHERE environment_id = ?
                    AND epic = ? AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, seq
                    """, arguments: [environmentID, epic, from, to])
            var result: [RecordedPrice] = []
            while let row = try rows.next() { result.append(try Self.price(row, epic: epic)) }
            return result
        }
    }

    func accountUpdates(environment: String, from: Int64, to: Int64) async throws -> [RecordedAccountUpdate] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT time_ms, seq, update_json, item FROM account_updates WHERE environment_id = ?
                    AND time_ms >= ? AND time_ms < ? ORDER BY time_ms, item, seq
                    """, arguments: [environmentID, from, to]
            ).map { try Self.accountUpdate($0, item: try $0.decode(atIndex: 3)) }
        }
    }

    func spans(_ stream: RecordedStream, from: Int64, to: Int64) async throws -> [RecordedSpan] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, stream.environment, create: false) else {
                return []
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT start_ms, end_ms FROM recorded_spans WHERE environment_id = ? AND epic = ? AND stream = ?
                    AND end_ms >= ? AND start_ms < ? ORDER BY start_ms
                    """, arguments: [environmentID, stream.epic.rawValue, stream.stream, from, to]
            ).map {
                RecordedSpan(
                    stream: stream, start: try $0.integer(atIndex: 0, in: "recorded_spans"),
                    end: try $0.integer(atIndex: 1, in: "recorded_spans"))
            }
        }
    }

    func gaps(
        environment: String, epic: String?, stream: String?, from: Int64, to: Int64
    ) async throws -> [RecordedGap] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT epic, stream, start_ms, end_ms, reason FROM recorded_gaps WHERE environment_id = ?
                    AND (? IS NULL OR epic = ?) AND (? IS NULL OR stream = ?) AND end_ms >= ? AND start_ms < ?
                    ORDER BY start_ms, epic, stream
                    """, arguments: [environmentID, epic, epic, stream, stream, from, to]
            ).map { row in
                RecordedGap(
                    stream: RecordedStream(
                        environment: environment, epic: Epic(rawValue: try row.decode(atIndex: 0)),
                        stream: try row.decode(atIndex: 1)),
                    start: try row.integer(atIndex: 2, in: "recorded_gaps"),
                    end: try row.integer(atIndex: 3, in: "recorded_gaps"), reason: try row.decode(atIndex: 4))
            }
        }
    }

    func recordingEnds(environment: String) async throws -> [RecordedStream: Int64] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [:] }
            var ends: [RecordedStream: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT epic, stream, max(end_ms) AS end_ms FROM recorded_spans WHERE environment_id = ?
                    GROUP BY epic, stream
                    """, arguments: [environmentID])
            {
                let stream = RecordedStream(
                    environment: environment, epic: Epic(rawValue: try row.decode(atIndex: 0)),
                    stream: try row.decode(atIndex: 1))
                ends[stream] = try row.integer(atIndex: 2, in: "recorded_spans")
            }
            return ends
        }
    }

    func recordings(environment: String?) async throws -> [RecordingStatus] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.name, r.epic, r.stream, min(r.start_ms) AS start_ms, max(r.end_ms) AS end_ms, count(*),
                        (SELECT count(*) FROM recorded_gaps g WHERE g.environment_id = r.environment_id
                        AND g.epic = r.epic AND g.stream = r.stream)
                    FROM recorded_spans r JOIN environments e ON e.id = r.environment_id
                    WHERE ? IS NULL OR e.name = ?
                    GROUP BY e.name, r.environment_id, r.epic, r.stream ORDER BY e.name, r.epic, r.stream
                    """, arguments: [environment, environment]
            ).map { row in
                RecordingStatus(
                    stream: RecordedStream(
                        environment: try row.decode(atIndex: 0), epic: Epic(rawValue: try row.decode(atIndex: 1)),
                        stream: try row.decode(atIndex: 2)),
                    first: try row.integer(atIndex: 3, in: "recorded_spans"),
                    last: try row.integer(atIndex: 4, in: "recorded_spans"),
                    spans: Int(try row.integer(atIndex: 5, in: "recorded_spans")),
                    gaps: Int(try row.integer(atIndex: 6, in: "recorded_gaps")))
            }
        }
    }

    func latestTicks(environment: String, epics: [String]) async throws -> [String: [RecordedTick]] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [:] }
            var result: [String: [RecordedTick]] = [:]
            for epic in epics {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT time_ms, seq, \(Self.tickColumns) FROM ticks WHERE environment_id = ? AND epic = ?
                        AND time_ms = (SELECT max(time_ms) FROM ticks WHERE environment_id = ? AND epic = ?)
                        ORDER BY seq
                        """, arguments: [environmentID, epic, environmentID, epic])
                guard !rows.isEmpty else { continue }
                result[epic] = try rows.map { try Self.tick($0, epic: epic) }
            }
            return result
        }
    }
}
