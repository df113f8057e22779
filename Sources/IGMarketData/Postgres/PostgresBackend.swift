import Foundation
import IGModels
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The PostgreSQL engine: one connection per store, used by one operation at a time, each operation a transaction
/// with a deadline (``PostgresURL/queryTimeout``). Bars arrive through `COPY … FROM STDIN`: straight into `bars`
/// when the batch overlaps nothing stored, else into a session-local staging table merged with
/// `INSERT … SELECT … ON CONFLICT DO UPDATE`. Shared work units are claimed with `FOR UPDATE SKIP LOCKED`.
final class PostgresBackend: StoreBackend {
    /// How bars are sent to the server.
    enum BarWriter: String, Sendable {
        /// `COPY` in text format (the default).
        case copy
        /// Fifteen binary `int8[]` arrays expanded by `unnest` in one `INSERT … ON CONFLICT` per 50,000 bars (the
        /// first version, kept for comparison: `IG_STORE_POSTGRES_WRITER=unnest`).
        case unnest
    }

    let url: PostgresURL
    let connection: PostgresConnection
    let logger: Logger
    let gate = AsyncSerialGate()
    let writer: BarWriter
    /// Set when an operation outlived its deadline and the connection was closed: every later operation fails.
    private let abandoned = Mutex(false)

    private init(url: PostgresURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.connection = connection
        self.logger = logger
        writer =
            ProcessInfo.processInfo.environment["IG_STORE_POSTGRES_WRITER"].flatMap(BarWriter.init(rawValue:)) ?? .copy
    }

    static func open(
        _ url: PostgresURL, logger: Logger, creating: Bool = true
    ) async throws(StoreError) -> PostgresBackend {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try tls(for: url))
        configuration.options.connectTimeout = .seconds(10)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw tlsFailure(error, url: url) ?? connectFailure(error, url: url) ?? map(error, url: url)
        }
        let backend = PostgresBackend(url: url, connection: connection, logger: logger)
        do {
            try await backend.migrate(creating: creating)
            try await backend.createStaging()
        } catch {
            try? await connection.close()
            throw map(error, url: url)
        }
        return backend
    }

    static func map(_ error: any Error, url: PostgresURL) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? BarCodec.UnrepresentableValue {
            return StoreError(.unrepresentableValue, error.description)
        }
        if let error = error as? UnreadableValue { return error.storeError(url.description) }
        if let error = error as? PostgresDecodingError {
            return UnreadableValue(table: "a row", detail: "column \(error.columnName): \(error.code)")
                .storeError(url.description)
        }
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            if let message = error.serverInfo?[.message], !state.hasPrefix("08"), !state.hasPrefix("57P") {
                return StoreError(.database, "PostgreSQL at \(url) refused: \(message).")
            }
            return StoreError(
                .connection, "Lost or could not open the connection to PostgreSQL at \(url) (\(error.code)).",
                hint: "Check that the server runs and accepts this user; whatever was committed before is intact.")
        }
        if let error = error as? PostgresTransactionError {
            return map(
                error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error, url: url)
        }
        return StoreError(
            .connection, "PostgreSQL at \(url) failed: \(String(describing: error)).",
            hint: "Check that the server runs and accepts this user; whatever was committed before is intact.")
    }

    /// A committed transaction is in the database already.
    func settle() async {}

    func close() async {
        // A connection given up after a deadline may not finish closing while the server still runs its query:
        // it is closed in the background instead of holding up the caller.
        guard !abandoned.withLock({ $0 }) else {
            let connection = connection
            Task { try? await connection.close() }
            return
        }
        try? await connection.close()
    }

    // MARK: Transactions

    /// Runs `body` in a transaction (committed when it returns, rolled back when it throws), within the URL's
    /// ``PostgresURL/queryTimeout`` plus `extra`. When the server does not answer in time (a connection dropped under
    /// a query can leave it waiting forever) the connection is closed, which rolls the transaction back on the server,
    /// and this and every later operation of the store fail with ``StoreError/Code/connection``.
    @discardableResult
    func transaction<T: Sendable>(
        extra: Duration = .zero, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = connection
        let logger = logger
        let url = url
        let limit = url.queryTimeout + extra
        return try await gate.run {
            guard !abandoned.withLock({ $0 }) else { throw Self.abandonedError(url, limit: nil) }
            do {
                return try await Deadline.run(limit) { [self] in
                    abandoned.withLock { $0 = true }
                    try? await connection.close()
                } _: {
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let value = try await body(connection)
                        try await connection.query("COMMIT", logger: logger)
                        return value
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch is Deadline.Expired {
                throw Self.abandonedError(url, limit: limit)
            }
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        let tenths = fraction / 100_000_000_000_000_000
        return tenths == 0 ? "\(whole)" : "\(whole).\(tenths)"
    }

    private static func abandonedError(_ url: PostgresURL, limit: Duration?) -> StoreError {
        let what =
            limit.map { "PostgreSQL at \(url) did not answer within \(Self.seconds($0)) s" }
            ?? "The connection to PostgreSQL at \(url) was given up after an operation timed out"
        return StoreError(
            .connection, what + "; the connection was closed and the unfinished transaction rolled back.",
            hint: "Check the server and the network, then run again: whatever was committed before is intact "
                + "(raise ?query_timeout=SECONDS in the URL for a slow server).")
    }

    /// Applies the migrations this build knows; with `creating` false, a database without the store's tables is
    /// refused (``StoreError/Code/noStore``) and left as it is.
    private func migrate(creating: Bool) async throws {
        let url = url
        let logger = logger
        // Version 5 counts every series' bars once: minutes on a store of hundreds of millions.
        try await transaction(extra: .seconds(600)) { connection in
            // One process migrates at a time; the others wait here and then see the new version.
            try await connection.query("SELECT pg_advisory_xact_lock(4774221)", logger: logger)
            var tables = 0
            for try await count in try await connection.query(
                "SELECT count(*)::int8 FROM information_schema.tables WHERE table_schema = current_schema()",
                logger: logger
            ).decode(Int64.self) { tables = Int(count) }
            var hasMeta = false
            for try await count in try await connection.query(
                """
                SELECT count(*)::int8 FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name = 'store_meta'
                """, logger: logger
            ).decode(Int64.self) { hasMeta = count == 1 }
            var version = 0
            if hasMeta {
                var application: String?
                for try await (key, value) in try await connection.query(
                    "SELECT key, value FROM store_meta", logger: logger
                ).decode((String, String).self) {
                    if key == "application" { application = value }
                    if key == "schema_version" { version = Int(value) ?? 0 }
                }
                guard application == StoreSchema.application else {
                    throw StoreError(
                        .foreignDatabase, "The database \(url) holds another application's store_meta table.",
                        hint: "It was left untouched; give another database in the URL.")
                }
            } else if tables > 0 {
                throw StoreError(
                    .foreignDatabase, "The database \(url) holds tables of another application.",
                    hint: "It was left untouched; create an empty database for the store (createdb) and use it.")
            } else if !creating {
                throw StoreError(
                    .noStore, "There is no store in the database \(url) yet.",
                    hint: StoreError.noStoreHint)
            }
            guard version <= StoreSchema.currentVersion else {
                throw StoreError(
                    .newerSchema,
                    "The store at \(url) was written by a newer swift-ig (schema version \(version); this build "
                        + "knows up to \(StoreSchema.currentVersion)).",
                    hint: "Upgrade swift-ig to use it; nothing was changed.")
            }
            guard version < StoreSchema.currentVersion else { return }
            for step in (version + 1)...StoreSchema.currentVersion {
                for statement in StoreSchema.migration(to: step, .postgres) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "UPDATE store_meta SET value = \(String(step)) WHERE key = 'schema_version'", logger: logger)
            }
        }
    }

    // MARK: Identifiers

    static func environmentID(
        _ connection: PostgresConnection, _ name: String, create: Bool, logger: Logger
    ) async throws -> Int64? {
        if create {
            try await connection.query(
                "INSERT INTO environments (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING", logger: logger)
        }
        var found: Int64?
        for try await id in try await connection.query(
            "SELECT id FROM environments WHERE name = \(name)", logger: logger
        ).decode(Int64.self) { found = found ?? id }
        return found
    }

    static func seriesID(
        _ connection: PostgresConnection, _ key: SeriesKey, create: Bool, logger: Logger
    ) async throws -> Int64? {
        guard let environment = try await environmentID(connection, key.environment, create: create, logger: logger)
        else { return nil }
        let epic = key.epic.rawValue
        let resolution = key.resolution.rawValue
        if create {
            try await connection.query(
                """
                INSERT INTO series (environment_id, epic, resolution) VALUES (\(environment), \(epic), \(resolution))
                ON CONFLICT (environment_id, epic, resolution) DO NOTHING
                """, logger: logger)
        }
        var found: Int64?
        for try await id in try await connection.query(
            """
            SELECT id FROM series WHERE environment_id = \(environment) AND epic = \(epic)
            AND resolution = \(resolution)
            """, logger: logger
        ).decode(Int64.self) { found = found ?? id }
        return found
    }

    /// The series of `key`, created when missing and locked (`FOR UPDATE`) for this transaction: writers of the same
    /// series are serialised so coverage merges never race, and a forget of the series waits for the writer (or the
    /// writer for it). A series removed between the lookup and the lock is looked up anew, and created again.
    /// The count the commit adds to is checked: another tool may have set it to anything.
    private static func lockedSeriesID(
        _ connection: PostgresConnection, _ key: SeriesKey, logger: Logger
    ) async throws -> Int64? {
        for _ in 0..<3 {
            guard let series = try await seriesID(connection, key, create: true, logger: logger) else { return nil }
            var locked = false
            for try await count in try await connection.query(
                "SELECT bar_count FROM series WHERE id = \(series) FOR UPDATE", logger: logger
            ).decode(Int64.self) {
                try StoredValue.check(count, StoredValue.barCounts, "bar_count", in: "series")
                locked = true
            }
            if locked { return series }
        }
        throw StoreError(
            .database, "The series \(key) was removed three times while bars were being written to it.",
            hint: "Try again once nothing else forgets it.")
    }

    private static func coverage(
        _ connection: PostgresConnection, _ series: Int64, logger: Logger
    ) async throws
        -> Coverage
    {
        var ranges: [TimeRange] = []
        for try await (start, end) in try await connection.query(
            "SELECT start_time, end_time FROM coverage WHERE series_id = \(series) ORDER BY start_time",
            logger: logger
        ).decode((Int64, Int64).self) { ranges.append(TimeRange(start: start, end: end)) }
        return Coverage(ranges)
    }

    // MARK: Reads

    func coverage(_ key: SeriesKey) async throws -> Coverage {
        let logger = logger
        return try await transaction { connection in
            guard let series = try await Self.seriesID(connection, key, create: false, logger: logger) else {
                return Coverage()
            }
            return try await Self.coverage(connection, series, logger: logger)
        }
    }

    func rows(
        _ key: SeriesKey, in range: TimeRange, limit: Int?
    ) async throws -> (rows: [PriceTable.Row], instrumentType: String?) {
        let logger = logger
        return try await transaction { connection in
            guard let series = try await Self.seriesID(connection, key, create: false, logger: logger) else {
                return ([], nil)
            }
            var instrumentType: String?
            for try await type in try await connection.query(
                "SELECT instrument_type FROM series WHERE id = \(series)", logger: logger
            ).decode(String?.self) { instrumentType = type }
            var capacity = 0
            for try await (first, last) in try await connection.query(
                """
                SELECT min(time), max(time) FROM bars WHERE series_id = \(series) AND time >= \(range.start)
                AND time < \(range.end)
                """, logger: logger
            ).decode((Int64?, Int64?).self) {
                if let first, let last {
                    // The same estimate as SQLite's (overflow-safe, at most `BarReadPlan.maximumCapacity`).
                    var plan = BarReadPlan(series: series, range: range, instrumentType: instrumentType)
                    plan.bounds(first: first, last: last, step: Int64(key.resolution.seconds))
                    capacity = plan.capacity
                }
            }
            if let limit {
                guard limit > 0 else { return ([], instrumentType) }
                capacity = Swift.min(capacity, limit)
            }
            let columns = BarCodec.valueColumns.joined(separator: ", ")
            var query = PostgresQuery(
                unsafeSQL: "SELECT time, scale::int8, \(columns) FROM bars WHERE series_id = $1 AND time >= $2 "
                    + "AND time < $3 ORDER BY time LIMIT $4")
            query.binds.append(series)
            query.binds.append(range.start)
            query.binds.append(range.end)
            // LIMIT NULL is PostgreSQL's "no limit".
            query.binds.append(limit.map { Int64($0) })
            var result: [PriceTable.Row] = []
            result.reserveCapacity(capacity)
            let fast = DecimalBits.layoutVerified
            let values = UnsafeMutablePointer<Int64>.allocate(capacity: 13)
            defer { values.deallocate() }
            for try await row in try await connection.query(query, logger: logger) {
                let cells = row.makeRandomAccess()
                let time = try cells[0].decode(Int64.self)
                try StoredValue.check(time, StoredValue.seconds, "time", in: "bars")
                let scale = try StoredValue.scale(try cells[1].decode(Int64.self), in: "bars")
                var missing: UInt16 = 0
                for index in 0..<13 {
                    if let value = try cells[index + 2].decode(Int64?.self) {
                        values[index] = value
                    } else {
                        values[index] = 0
                        missing |= 1 << UInt16(index)
                    }
                }
                result.append(
                    BarCodec.decode(time: time, scale: scale, values: values, missing: missing, fast: fast))
            }
            return (result, instrumentType)
        }
    }

    func ledgerEnvironments(since: Date) async throws -> [String] {
        let logger = logger
        let sinceSecond = TimeRange.seconds(since)
        return try await transaction { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                """
                SELECT DISTINCT environments.name FROM requests
                JOIN environments ON environments.id = requests.environment_id
                WHERE requests.at >= \(sinceSecond) ORDER BY environments.name
                """, logger: logger
            ).decode(String.self) {
                names.append(name)
            }
            return names
        }
    }

    func ledger(environment: String, since: Date) async throws -> [LedgerEntry] {
        let logger = logger
        return try await transaction { connection in
            guard
                let environmentID = try await Self.environmentID(connection, environment, create: false, logger: logger)
            else { return [] }
            return try await Self.ledger(
                connection, environmentID: environmentID, since: TimeRange.seconds(since), logger: logger)
        }
    }

    /// The ledger entries of an environment from `since` (seconds) on, oldest first.
    static func ledger(
        _ connection: PostgresConnection, environmentID: Int64, since: Int64, logger: Logger
    ) async throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        let rows = try await connection.query(
            """
            SELECT at, account, epic, resolution, range_start, range_end, points::int8, remaining::int8,
            total::int8, resets_at FROM requests WHERE environment_id = \(environmentID) AND at >= \(since)
            ORDER BY at, id
            """, logger: logger)
        for try await row in rows {
            let cells = row.makeRandomAccess()
            entries.append(
                LedgerEntry(
                    at: Date(timeIntervalSince1970: TimeInterval(try cells[0].decode(Int64.self))),
                    account: try cells[1].decode(String.self), epic: try cells[2].decode(String.self),
                    resolution: try cells[3].decode(String.self),
                    range: TimeRange(start: try cells[4].decode(Int64.self), end: try cells[5].decode(Int64.self)),
                    points: Int(try cells[6].decode(Int64.self)),
                    remaining: try cells[7].decode(Int64?.self).map(Int.init),
                    total: try cells[8].decode(Int64?.self).map(Int.init),
                    resetsAt: try cells[9].decode(Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) }
                ))
        }
        return entries
    }

    func market(epic: String, environment: String) async throws -> StoredMarket? {
        let logger = logger
        return try await transaction { connection in
            guard
                let environmentID = try await Self.environmentID(connection, environment, create: false, logger: logger)
            else { return nil }
            var market: StoredMarket?
            for try await row in try await connection.query(
                """
                SELECT name, instrument_type, scaling_factor, details, updated_at FROM markets
                WHERE environment_id = \(environmentID) AND epic = \(epic)
                """, logger: logger)
            {
                let cells = row.makeRandomAccess()
                var details = try cells[3].decode(ByteBuffer.self)
                market = StoredMarket(
                    epic: epic, name: try cells[0].decode(String?.self),
                    instrumentType: try cells[1].decode(String?.self),
                    scalingFactor: try cells[2].decode(String?.self).flatMap {
                        Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))
                    },
                    details: Data(details.readBytes(length: details.readableBytes) ?? []),
                    updatedAt: Date(timeIntervalSince1970: TimeInterval(try cells[4].decode(Int64.self))))
            }
            return market
        }
    }

    func status(environment: String?) async throws -> [SeriesStatus] {
        let logger = logger
        return try await transaction { connection in
            var found: [(Int64, SeriesKey, Int, Date?)] = []
            let rows = try await connection.query(
                """
                SELECT s.id, e.name, s.epic, s.resolution, s.updated_at, s.bar_count
                FROM series s JOIN environments e ON e.id = s.environment_id
                WHERE \(environment)::text IS NULL OR e.name = \(environment)::text ORDER BY e.name, s.epic, s.resolution
                """, logger: logger)
            for try await (id, name, epic, resolutionName, updated, bars) in rows.decode(
                (Int64, String, String, String, Int64?, Int64).self)
            {
                let resolution = try StoredValue.resolution(resolutionName)
                try StoredValue.check(bars, StoredValue.barCounts, "bar_count", in: "series")
                found.append(
                    (
                        id, SeriesKey(environment: name, epic: Epic(rawValue: epic), resolution: resolution),
                        Int(bars), updated.map { Date(timeIntervalSince1970: TimeInterval($0)) }
                    ))
            }
            var result: [SeriesStatus] = []
            for (id, key, bars, updated) in found {
                result.append(
                    SeriesStatus(
                        key: key, bars: bars, coverage: try await Self.coverage(connection, id, logger: logger),
                        updatedAt: updated))
            }
            return result
        }
    }

    func heldEpics(
        environment: String?
    ) async throws -> (series: [(environment: String, epic: String)], recorded: [RecordedStream]) {
        let logger = logger
        return try await transaction { connection in
            var series: [(environment: String, epic: String)] = []
            for try await (name, epic) in try await connection.query(
                """
                SELECT e.name, s.epic FROM series s JOIN environments e ON e.id = s.environment_id
                WHERE \(environment)::text IS NULL OR e.name = \(environment)::text ORDER BY s.id
                """, logger: logger
            ).decode((String, String).self) { series.append((name, epic)) }
            var recorded: [RecordedStream] = []
            for try await (name, epic, stream) in try await connection.query(
                """
                SELECT DISTINCT e.name, r.epic, r.stream FROM recorded_spans r
                JOIN environments e ON e.id = r.environment_id
                WHERE \(environment)::text IS NULL OR e.name = \(environment)::text ORDER BY e.name, r.epic, r.stream
                """, logger: logger
            ).decode((String, String, String).self) {
                recorded.append(RecordedStream(environment: name, epic: Epic(rawValue: epic), stream: stream))
            }
            return (series, recorded)
        }
    }

    func queue(environment: String) async throws -> QueueStatus {
        let logger = logger
        return try await transaction { connection in
            var status = QueueStatus(pending: 0, claimed: 0, done: 0)
            for try await (state, count) in try await connection.query(
                """
                SELECT w.state, count(*)::int8 FROM work_units w JOIN series s ON s.id = w.series_id
                JOIN environments e ON e.id = s.environment_id WHERE e.name = \(environment) GROUP BY w.state
                """, logger: logger
            ).decode((String, Int64).self) {
                switch state {
                case "done": status.done = Int(count)
                case "claimed": status.claimed = Int(count)
                case "failed": status.failed = Int(count)
                default: status.pending += Int(count)
                }
            }
            return status
        }
    }

    func openUnits(environment: String?) async throws -> [QueuedUnit] {
        let logger = logger
        return try await transaction { connection in
            var units: [QueuedUnit] = []
            for try await row in try await connection.query(
                """
                SELECT w.id, e.name, s.epic, s.resolution, w.start_time, w.end_time, w.points::int8, w.state, w.worker,
                w.claim_expires FROM work_units w JOIN series s ON s.id = w.series_id
                JOIN environments e ON e.id = s.environment_id
                WHERE w.state <> 'done' AND (\(environment)::text IS NULL OR e.name = \(environment))
                ORDER BY e.name, w.priority, w.id
                """, logger: logger
            ).decode((Int64, String, String, String, Int64, Int64, Int64, String, String?, Int64?).self) {
                let (id, name, epic, resolution, start, end, points, state, worker, expires) = row
                let key = SeriesKey(
                    environment: name, epic: Epic(rawValue: epic), resolution: try StoredValue.resolution(resolution))
                units.append(
                    QueuedUnit(
                        unit: WorkUnit(id: id, key: key, range: TimeRange(start: start, end: end), points: Int(points)),
                        state: try StoredValue.queuedState(state), worker: worker,
                        claimExpires: expires.map { Date(timeIntervalSince1970: TimeInterval($0)) }))
            }
            return units
        }
    }

    // MARK: Writes

    func commit(_ batch: FetchedBars, completing unit: Int64?, now: Date) async throws {
        let logger = logger
        let writer = writer
        try await transaction(extra: .seconds(batch.rows.count / 10_000)) { connection in
            guard let series = try await Self.lockedSeriesID(connection, batch.key, logger: logger) else { return }
            var added: Int64 = 0
            if let span = BatchSpan(batch.rows) {
                let before = try await Self.storedBars(connection, series: series, in: span, logger: logger)
                switch writer {
                case .copy:
                    try await Self.copy(
                        connection, series: series, rows: batch.rows, overlaps: before > 0, logger: logger)
                case .unnest: try await Self.insert(connection, series: series, rows: batch.rows, logger: logger)
                }
                if let known = span.added(before: before) {
                    added = known
                } else {
                    added = try await Self.storedBars(connection, series: series, in: span, logger: logger) - before
                }
            }
            let covered = batch.covered
            if !covered.isEmpty {
                var merged = covered
                for try await (start, end) in try await connection.query(
                    """
                    DELETE FROM coverage WHERE series_id = \(series) AND end_time >= \(covered.start)
                    AND start_time <= \(covered.end) RETURNING start_time, end_time
                    """, logger: logger
                ).decode((Int64, Int64).self) {
                    merged = TimeRange(start: min(merged.start, start), end: max(merged.end, end))
                }
                try await connection.query(
                    """
                    INSERT INTO coverage (series_id, start_time, end_time)
                    VALUES (\(series), \(merged.start), \(merged.end))
                    """, logger: logger)
            }
            let updated = TimeRange.seconds(now)
            let instrumentType = batch.instrumentType?.rawValue
            try await connection.query(
                """
                UPDATE series SET updated_at = \(updated), instrument_type = coalesce(\(instrumentType)::text,
                instrument_type), bar_count = bar_count + \(added) WHERE id = \(series)
                """, logger: logger)
            if let entry = batch.ledger,
                let environmentID = try await Self.environmentID(
                    connection, batch.key.environment, create: true, logger: logger)
            {
                try await Self.record(connection, entry, environmentID: environmentID, logger: logger)
            }
            if let unit {
                try await connection.query(
                    "UPDATE work_units SET state = 'done', claim_expires = NULL WHERE id = \(unit)", logger: logger)
            }
        }
    }

    /// Adds one entry to the allowance ledger of the environment `environmentID`.
    static func record(
        _ connection: PostgresConnection, _ entry: LedgerEntry, environmentID: Int64, logger: Logger
    ) async throws {
        let resets = entry.resetsAt.map(TimeRange.seconds)
        let at = TimeRange.seconds(entry.at)
        try await connection.query(
            """
            INSERT INTO requests (environment_id, account, epic, resolution, range_start, range_end, points,
            remaining, total, resets_at, at) VALUES (\(environmentID), \(entry.account), \(entry.epic),
            \(entry.resolution), \(entry.range.start), \(entry.range.end), \(Int64(entry.points)),
            \(entry.remaining.map(Int64.init)), \(entry.total.map(Int64.init)), \(resets), \(at))
            """, logger: logger)
    }

    /// The stored bars of `series` that start in `span` (an index range count).
    private static func storedBars(
        _ connection: PostgresConnection, series: Int64, in span: BatchSpan, logger: Logger
    ) async throws -> Int64 {
        var count: Int64 = 0
        for try await found in try await connection.query(
            """
            SELECT count(*)::int8 FROM bars WHERE series_id = \(series) AND time >= \(span.first)
            AND time <= \(span.last)
            """, logger: logger
        ).decode(Int64.self) { count = found }
        return count
    }

    // MARK: COPY

    /// The session's staging table for batches that overlap stored bars (emptied at every commit).
    private func createStaging() async throws {
        let values = BarCodec.valueColumns.map { "\($0) int8" }.joined(separator: ", ")
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    CREATE TEMPORARY TABLE IF NOT EXISTS bars_staging (time int8 NOT NULL, scale int2 NOT NULL,
                    \(values)) ON COMMIT DELETE ROWS
                    """), logger: logger)
    }

    /// Writes `rows` of `series` with `COPY`: straight into `bars` when no stored bar lies between the batch's first
    /// and last start (`overlaps` false: the caller counted them with the series row locked, so none can appear
    /// meanwhile), else through `bars_staging` and an upsert. Bars with the same start keep the last one, as on
    /// SQLite.
    private static func copy(
        _ connection: PostgresConnection, series: Int64, rows: [PriceTable.Row], overlaps: Bool, logger: Logger
    ) async throws {
        let rows = latestPerStart(rows)
        guard !rows.isEmpty else { return }
        let columns = ["time", "scale"] + BarCodec.valueColumns
        if !overlaps {
            try await connection.copyFrom(table: "bars", columns: ["series_id"] + columns, logger: logger) {
                writer in
                try await CopyText.send(rows, series: series, to: writer)
            }
            return
        }
        try await connection.copyFrom(table: "bars_staging", columns: columns, logger: logger) { writer in
            try await CopyText.send(rows, series: nil, to: writer)
        }
        let list = columns.joined(separator: ", ")
        let updates = (["scale"] + BarCodec.valueColumns).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        var query = PostgresQuery(
            unsafeSQL: """
                INSERT INTO bars (series_id, \(list)) SELECT $1, \(list) FROM bars_staging
                ON CONFLICT (series_id, time) DO UPDATE SET \(updates)
                """)
        query.binds.append(series)
        try await connection.query(query, logger: logger)
        try await connection.query("DELETE FROM bars_staging", logger: logger)
    }

    /// `rows` ordered by start with one bar per start (the last given), unchanged when already so.
    static func latestPerStart(_ rows: [PriceTable.Row]) -> [PriceTable.Row] {
        var ordered = true
        for index in rows.indices.dropFirst() where rows[index - 1].time >= rows[index].time {
            ordered = false
            break
        }
        guard !ordered else { return rows }
        var latest: [Int64: Int] = [:]
        for (index, row) in rows.enumerated() { latest[TimeRange.seconds(row.time)] = index }
        return latest.values.map { rows[$0] }.sorted { $0.time < $1.time }
    }

    /// Marks a missing value in the integer arrays sent to `unnest` (no encoded price can be `Int64.min`).
    static let nullMarker = Int64.min

    /// The bars as fifteen integer columns (time, scale, thirteen values), for one `unnest` insert.
    private static func columnsOf(_ rows: [PriceTable.Row]) throws -> [[Int64]] {
        var columns = [[Int64]](repeating: [], count: 15)
        for index in columns.indices { columns[index].reserveCapacity(rows.count) }
        var encoder = BarEncoder()
        for row in rows {
            let (time, scale) = try encoder.encode(row)
            columns[0].append(time)
            columns[1].append(Int64(scale))
            for index in 0..<13 {
                let missing = encoder.missing & (1 << UInt16(index)) != 0
                columns[index + 2].append(missing ? nullMarker : encoder.values[index])
            }
        }
        return columns
    }

    /// Rows per `INSERT … SELECT FROM unnest(…)` statement.
    static let rowsPerStatement = 50_000

    private static func insert(
        _ connection: PostgresConnection, series: Int64, rows: [PriceTable.Row], logger: Logger
    ) async throws {
        let names = ["time", "scale"] + BarCodec.valueColumns
        let arrays = (0..<15).map { "$\($0 + 2)::int8[]" }.joined(separator: ", ")
        let selected =
            ["u.time", "u.scale::smallint"]
            + BarCodec.valueColumns.map { "nullif(u.\($0), \(nullMarker))" }
        let updates = (["scale"] + BarCodec.valueColumns).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let sql = """
            INSERT INTO bars (series_id, \(names.joined(separator: ", ")))
            SELECT $1, \(selected.joined(separator: ", ")) FROM unnest(\(arrays)) AS u(\(names.joined(separator: ", ")))
            ON CONFLICT (series_id, time) DO UPDATE SET \(updates)
            """
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + rowsPerStatement)
            let columns = try columnsOf(Array(rows[start..<end]))
            var query = PostgresQuery(unsafeSQL: sql)
            query.binds.append(series)
            for column in columns { query.binds.append(column) }
            try await connection.query(query, logger: logger)
            start = end
        }
    }

    func save(_ market: StoredMarket, environment: String) async throws {
        let logger = logger
        try await transaction { connection in
            guard
                let environmentID = try await Self.environmentID(connection, environment, create: true, logger: logger)
            else { return }
            let scaling = market.scalingFactor.map { "\($0)" }
            let details = ByteBuffer(bytes: market.details)
            let updated = TimeRange.seconds(market.updatedAt)
            try await connection.query(
                """
                INSERT INTO markets (environment_id, epic, name, instrument_type, scaling_factor, details, updated_at)
                VALUES (\(environmentID), \(market.epic), \(market.name), \(market.instrumentType), \(scaling),
                \(details), \(updated)) ON CONFLICT (environment_id, epic) DO UPDATE SET name = excluded.name,
                instrument_type = excluded.instrument_type, scaling_factor = excluded.scaling_factor,
                details = excluded.details, updated_at = excluded.updated_at
                """, logger: logger)
        }
    }

    // MARK: Shared work

    func enqueue(_ units: [PlannedUnit]) async throws -> Int {
        let logger = logger
        return try await transaction { connection in
            var added = 0
            for unit in units {
                guard let series = try await Self.seriesID(connection, unit.key, create: true, logger: logger) else {
                    continue
                }
                // A failed unit asked for again is queued again. Only failed rows are updated (and locked): an
                // upsert would lock every queued row it meets, and deadlock with a worker's commit of one.
                for try await _ in try await connection.query(
                    """
                    UPDATE work_units SET state = 'pending', worker = NULL, claim_expires = NULL
                    WHERE series_id = \(series) AND start_time = \(unit.range.start) AND end_time = \(unit.range.end)
                    AND state = 'failed' RETURNING id
                    """, logger: logger
                ).decode(Int64.self) { added += 1 }
                for try await _ in try await connection.query(
                    """
                    INSERT INTO work_units (series_id, start_time, end_time, points, priority)
                    VALUES (\(series), \(unit.range.start), \(unit.range.end), \(Int64(unit.points)), \(unit.priority))
                    ON CONFLICT (series_id, start_time, end_time) DO NOTHING RETURNING id
                    """, logger: logger
                ).decode(Int64.self) { added += 1 }
            }
            return added
        }
    }

    func claim(environment: String, worker: String, until expiry: Date, now: Date) async throws -> WorkClaim? {
        let logger = logger
        return try await transaction { connection in
            let nowSecond = TimeRange.seconds(now)
            let expirySecond = TimeRange.seconds(expiry)
            var claimed: (Int64, Int64, Int64, Int64, Int64)?
            for try await row in try await connection.query(
                """
                UPDATE work_units SET state = 'claimed', worker = \(worker), claim_expires = \(expirySecond)
                WHERE id = (SELECT w.id FROM work_units w JOIN series s ON s.id = w.series_id
                JOIN environments e ON e.id = s.environment_id
                WHERE e.name = \(environment) AND (w.state = 'pending' OR (w.state = 'claimed'
                AND (w.claim_expires < \(nowSecond) OR w.worker = \(worker)))) ORDER BY w.priority, w.id LIMIT 1 FOR UPDATE OF w SKIP LOCKED)
                RETURNING id, series_id, start_time, end_time, points::int8
                """, logger: logger
            ).decode((Int64, Int64, Int64, Int64, Int64).self) { claimed = row }
            guard let (id, series, start, end, points) = claimed else { return nil }
            var names: (String, String)?
            for try await row in try await connection.query(
                "SELECT epic, resolution FROM series WHERE id = \(series)", logger: logger
            ).decode((String, String).self) { names = row }
            guard let (epic, resolutionName) = names else {
                throw UnreadableValue(table: "work_units", detail: "series_id \(series) names no series")
            }
            let resolution = try StoredValue.resolution(resolutionName)
            let key = SeriesKey(environment: environment, epic: Epic(rawValue: epic), resolution: resolution)
            let claim = WorkClaim(
                unit: WorkUnit(id: id, key: key, range: TimeRange(start: start, end: end), points: Int(points)),
                worker: worker, expiresAt: expiry)
            // A unit another tool damaged is refused inside the transaction, which rolls its marking back.
            try StoredValue.check(claim)
            return claim
        }
    }

    func release(unit: Int64, worker: String) async throws {
        let logger = logger
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE work_units SET state = 'pending', worker = NULL, claim_expires = NULL
                WHERE id = \(unit) AND worker = \(worker) AND state = 'claimed'
                """, logger: logger)
        }
    }

    func renew(unit: Int64, worker: String, until expiry: Date) async throws -> Bool {
        let logger = logger
        let expirySecond = TimeRange.seconds(expiry)
        return try await transaction { connection in
            var renewed = false
            for try await _ in try await connection.query(
                """
                UPDATE work_units SET claim_expires = \(expirySecond)
                WHERE id = \(unit) AND worker = \(worker) AND state = 'claimed' RETURNING id
                """, logger: logger
            ).decode(Int64.self) { renewed = true }
            return renewed
        }
    }

    func fail(unit: Int64, worker: String) async throws {
        let logger = logger
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE work_units SET state = 'failed', claim_expires = NULL
                WHERE id = \(unit) AND worker = \(worker) AND state = 'claimed'
                """, logger: logger)
        }
    }
}
