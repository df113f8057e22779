import Foundation
import GRDB
import GRDBSQLite
import IGModels
import Synchronization

/// The SQLite engine: one file, opened through GRDB as a pool (one writer, concurrent readers) with WAL journaling;
/// the bar hot paths bind and read integers through SQLite's C API on GRDB's prepared statements, and a long read is
/// split over several reader connections (``readInParallel(_:parts:)``).
final class SQLiteBackend: StoreBackend {
    let path: String
    let pool: DatabasePool
    /// Checkpoints the WAL beside the writer instead of in it.
    let checkpointer: WALCheckpointer
    /// Set while a split read holds reader connections: a second one meanwhile reads in one piece.
    let splitReadBusy = Mutex(false)

    /// Whether the store was opened only to read: no writer connection, no migration (a store that needs one is
    /// opened to write after all), every write refused by SQLite.
    let readOnly: Bool

    /// Opens (or creates) the store at `path`. An existing file is inspected read-only first; a file that is not
    /// SQLite, holds another application's tables or has a newer schema is refused and left untouched.
    ///
    /// With `readOnly`, an existing store of this schema version is opened without writing to it, so a user who may
    /// only read the file (a store another user's recorder writes, say) reads it; an older store is opened to be
    /// migrated, as without `readOnly`.
    init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw StoreError(
                .invalidLocation, "\(path) is a directory.",
                hint: "Give the path of a file, e.g. \(path)/market-data.sqlite.")
        }
        if exists, let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
            type != .typeRegular, type != .typeSymbolicLink
        {
            // A device or pipe (`/dev/null`) cannot hold a database: SQLite would say only "disk I/O error".
            throw StoreError(
                .invalidLocation, "\(path) is not a regular file.",
                hint: "Give the path of an SQLite file, e.g. market-data.sqlite, or a postgres:// URL.")
        }
        var fresh = !exists
        var version = 0
        if exists {
            (fresh, version) = try Self.inspect(path: path)
        } else {
            let directory = Self.folder(of: path)
            if !directory.isEmpty {
                do {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw StoreError(
                        .invalidLocation, "Cannot create the directory \(directory): \(error.localizedDescription)",
                        hint: "Choose a writable location with --store PATH.")
                }
            }
        }
        let checkpointer = WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        if readOnly, fresh {
            throw StoreError(
                .noStore, "There is no store at \(path) yet (the file is empty).", hint: StoreError.noStoreHint)
        }
        self.readOnly = readOnly && version == StoreSchema.currentVersion
        if self.readOnly {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(30)
            configuration.label = "IGMarketData"
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
                _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM store_meta") }
            } catch {
                throw Self.cannotRead(path, error)
            }
            return
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        configuration.label = "IGMarketData"
        // Only the writer commits, so only its hook ever runs; readers get it too, as GRDB prepares every
        // connection alike.
        configuration.prepareDatabase { db in
            if let connection = db.sqliteConnection { checkpointer.install(on: connection) }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA journal_size_limit = \(WALCheckpointer.retainedLogBytes)")
                try db.inTransaction(.immediate) {
                    let version = try Self.schemaVersion(db)
                    if version == 0 {
                        guard try fresh || Self.isEmpty(db) else {
                            throw StoreError(
                                .foreignDatabase, "\(path) holds tables of another application.",
                                hint: "It was left untouched; choose another file with --store PATH.")
                        }
                        try db.execute(sql: "PRAGMA application_id = \(StoreSchema.sqliteApplicationID)")
                    }
                    guard version <= StoreSchema.currentVersion else {
                        throw Self.newer(version, path: path)
                    }
                    if version < StoreSchema.currentVersion {
                        for step in (version + 1)...StoreSchema.currentVersion {
                            for statement in StoreSchema.migration(to: step, .sqlite) {
                                try db.execute(sql: statement)
                            }
                            try db.execute(
                                sql: "UPDATE store_meta SET value = ? WHERE key = 'schema_version'",
                                arguments: [String(step)])
                        }
                    }
                    return .commit
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.map(error, path: path)
        }
    }

    /// Reads an existing file without changing it; returns whether it is an empty database that may be initialised,
    /// and its schema version (0 when it has none yet).
    private static func inspect(path: String) throws(StoreError) -> (fresh: Bool, version: Int) {
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be closing the store (its last connection checkpoints the WAL under an exclusive
        // lock) or opening it: wait as the store's own connections do, instead of failing with "database is locked".
        configuration.busyMode = .timeout(30)
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? reader.close() }
            return try reader.read { db throws -> (fresh: Bool, version: Int) in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if tables == 0 {
                    return (applicationID == 0 || applicationID == StoreSchema.sqliteApplicationID, 0)
                }
                let hasMeta =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'")
                    ?? 0
                guard hasMeta == 1,
                    try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'application'")
                        == StoreSchema.application
                else {
                    throw StoreError(
                        .foreignDatabase, "\(path) is an SQLite database of another application.",
                        hint: "It was left untouched; choose another file with --store PATH.")
                }
                let version = try schemaVersion(db)
                guard version <= StoreSchema.currentVersion else { throw newer(version, path: path) }
                return (false, version)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw cannotRead(path, error)
        }
    }

    private static func isEmpty(_ db: Database) throws -> Bool {
        (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0) == 0
    }

    private static func schemaVersion(_ db: Database) throws -> Int {
        let hasMeta =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'")
            ?? 0
        guard hasMeta == 1 else { return 0 }
        return Int(try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'schema_version'") ?? "")
            ?? 0
    }

    private static func newer(_ version: Int, path: String) -> StoreError {
        StoreError(
            .newerSchema,
            "\(path) was written by a newer swift-ig (schema version \(version); this build knows up to "
                + "\(StoreSchema.currentVersion)).",
            hint: "Upgrade swift-ig to read it; the file was left untouched.")
    }

    static func map(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError(
                    .notADatabase, "\(path) is not an SQLite database or is damaged (\(error.message ?? "")).",
                    hint: "It was left untouched; choose another file with --store PATH, or restore a backup.")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
                return notWritable(path, error.message ?? "\(error.resultCode)")
            default:
                return StoreError(.database, "SQLite error on \(path): \(error.message ?? "\(error.resultCode)").")
            }
        }
        if let error = error as? BarCodec.UnrepresentableValue {
            return StoreError(.unrepresentableValue, error.description)
        }
        if let error = error as? UnreadableValue { return error.storeError(path) }
        if let error = error as? RowDecodingError {
            return UnreadableValue(table: "a row", detail: String(describing: error)).storeError(path)
        }
        return StoreError(.database, "SQLite error on \(path): \(error)")
    }

    /// A store that could not be opened to read. SQLite reads a store (a WAL database) without writing only while
    /// its `-wal` and `-shm` files are there (a writer that has it open keeps them) or can be created beside it.
    private static func cannotRead(_ path: String, _ error: any Error) -> StoreError {
        let folder = Self.folder(of: path)
        let shared = path + "-shm"
        guard let failure = error as? DatabaseError,
            [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(failure.resultCode),
            !FileManager.default.fileExists(atPath: shared), access(folder.isEmpty ? "." : folder, W_OK) != 0
        else { return map(error, path: path) }
        return StoreError(
            .invalidLocation,
            "\(path) cannot be read by this user while no writer has it open: SQLite reads a store read-only only "
                + "when its -wal and -shm files are beside it or can be created there, and the folder "
                + "\(folder.isEmpty ? "." : folder) is not writable for this user.",
            hint: "Read it while its writer (ig record, ig history sync) runs, copy the .sqlite file to a folder you "
                + "can write, or ask its owner to let you write the folder.")
    }

    /// A store that cannot be written, saying whether the file or its folder is what this user may not write.
    private static func notWritable(_ path: String, _ message: String) -> StoreError {
        let folder = Self.folder(of: path)
        let reads = "Reading commands (ig history status, show, export) still work."
        if access(path, W_OK) != 0, access(path, R_OK) == 0 {
            return StoreError(
                .invalidLocation, "\(path) is read-only for this user, so it cannot be written (\(message)).",
                hint: "\(reads) To write, run as the file's owner, make it writable, or choose another location "
                    + "with --store PATH.")
        }
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            return StoreError(
                .invalidLocation,
                "The folder \(folder.isEmpty ? "." : folder) is not writable for this user, and SQLite writes its "
                    + "journals beside the store (\((path as NSString).lastPathComponent)-wal and -shm), so \(path) "
                    + "cannot be written (\(message)).",
                hint: "\(reads) To write, run as the folder's owner, make it writable, or choose another location "
                    + "with --store PATH.")
        }
        let journals = [path + "-wal", path + "-shm"].filter {
            FileManager.default.fileExists(atPath: $0) && access($0, W_OK) != 0
        }
        if !journals.isEmpty {
            // SQLite gives the journals the store's mode when it creates them: a reader of a read-only store leaves
            // read-only ones, which outlive a later chmod of the store.
            return StoreError(
                .invalidLocation,
                "\(path) cannot be written: \(journals.joined(separator: " and ")) beside it "
                    + "\(journals.count == 1 ? "is" : "are") read-only for this user (\(message)).",
                hint: "Make \(journals.count == 1 ? "it" : "them") writable (chmod u+w), or remove "
                    + "\(journals.count == 1 ? "it" : "them") while no process has the store open.")
        }
        return StoreError(
            .invalidLocation, "Cannot open \(path) for writing (\(message)).",
            hint: "Check the permissions of the file and of its -wal and -shm files beside it, or choose another "
                + "location with --store PATH.")
    }

    func close() async {
        let pool = self.pool
        // Opened to read too: the checkpointer's connection, closing last, folds the log into the file and removes
        // it and the index beside it when this user may write them (else they stay, as SQLite leaves them).
        await checkpointer.close { try? pool.close() }
    }

    func settle() async {
        if !readOnly { await checkpointer.settle() }
    }

    // MARK: Identifiers

    func environmentID(_ db: Database, _ name: String, create: Bool) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM environments WHERE name = ?", arguments: [name]) {
            return id
        }
        guard create else { return nil }
        try db.execute(sql: "INSERT INTO environments (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }

    func seriesID(_ db: Database, _ key: SeriesKey, create: Bool) throws -> Int64? {
        guard let environment = try environmentID(db, key.environment, create: create) else { return nil }
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM series WHERE environment_id = ? AND epic = ? AND resolution = ?",
            arguments: [environment, key.epic.rawValue, key.resolution.rawValue])
        {
            return id
        }
        guard create else { return nil }
        try db.execute(
            sql: "INSERT INTO series (environment_id, epic, resolution) VALUES (?, ?, ?)",
            arguments: [environment, key.epic.rawValue, key.resolution.rawValue])
        return db.lastInsertedRowID
    }

    // MARK: Reads

    func coverage(_ key: SeriesKey) async throws -> Coverage {
        try await pool.read { db in
            guard let series = try seriesID(db, key, create: false) else { return Coverage() }
            return try Self.coverage(db, series)
        }
    }

    private static func coverage(_ db: Database, _ series: Int64) throws -> Coverage {
        let rows = try Row.fetchAll(
            db, sql: "SELECT start_time, end_time FROM coverage WHERE series_id = ? ORDER BY start_time",
            arguments: [series])
        return Coverage(
            try rows.map {
                TimeRange(
                    start: try $0.integer(atIndex: 0, in: "coverage"), end: try $0.integer(atIndex: 1, in: "coverage"))
            })
    }

    func rows(
        _ key: SeriesKey, in range: TimeRange, limit: Int?
    ) async throws -> (rows: [PriceTable.Row], instrumentType: String?) {
        if let limit {
            return try await pool.read { db in
                guard let series = try seriesID(db, key, create: false) else { return ([], nil) }
                let instrumentType = try String.fetchOne(
                    db, sql: "SELECT instrument_type FROM series WHERE id = ?", arguments: [series])
                var rows: [PriceTable.Row] = []
                guard limit > 0 else { return (rows, instrumentType) }
                try Self.readBars(db, series: series, range: range, limit: limit, into: &rows)
                return (rows, instrumentType)
            }
        }
        let plan = try await pool.read { db -> BarReadPlan? in
            guard let series = try seriesID(db, key, create: false) else { return nil }
            let instrumentType = try String.fetchOne(
                db, sql: "SELECT instrument_type FROM series WHERE id = ?", arguments: [series])
            var plan = BarReadPlan(series: series, range: range, instrumentType: instrumentType)
            // The first and last stored start (two index lookups) size the result, so a year of bars is not
            // copied while the array grows, and decide whether the read is split.
            if let bounds = try Row.fetchOne(
                db,
                sql: "SELECT min(time) AS time, max(time) AS time FROM bars "
                    + "WHERE series_id = ? AND time >= ? AND time < ?",
                arguments: [series, range.start, range.end]),
                let first = try bounds.optionalInteger(atIndex: 0, in: "bars"),
                let last = try bounds.optionalInteger(atIndex: 1, in: "bars")
            {
                plan.bounds(first: first, last: last, step: Int64(key.resolution.seconds))
            }
            return plan
        }
        guard let plan else { return ([], nil) }
        let parts = plan.parts(processors: ProcessInfo.processInfo.activeProcessorCount)
        if parts > 1, let rows = try await readInParallel(plan, parts: parts) {
            return (rows, plan.instrumentType)
        }
        let rows = try await pool.read { db in
            var rows: [PriceTable.Row] = HugePages.reserved(plan.capacity)
            try Self.readBars(db, series: plan.series, range: plan.range, into: &rows)
            return rows
        }
        return (rows, plan.instrumentType)
    }

    /// Appends the bars of `series` whose start lies in `range` (the first `limit` of them, when given) to `result`,
    /// oldest first, in one statement (so one read transaction even outside an explicit one).
    static func readBars(
        _ db: Database, series: Int64, range: TimeRange, limit: Int? = nil, into result: inout [PriceTable.Row]
    ) throws {
        let columns = BarCodec.valueColumns.joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: "SELECT time, scale, \(columns) FROM bars WHERE series_id = ? AND time >= ? AND time < ? "
                + "ORDER BY time LIMIT ?")
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, series)
        sqlite3_bind_int64(handle, 2, range.start)
        sqlite3_bind_int64(handle, 3, range.end)
        // A negative limit is SQLite's "no limit".
        sqlite3_bind_int64(handle, 4, limit.map { Int64($0) } ?? -1)
        defer { sqlite3_reset(handle) }
        let fast = DecimalBits.layoutVerified
        // The row's fifteen result values, read straight through `sqlite3_value_int64`: one API call per row (the
        // first column, to see that the row still lives in the same registers) instead of fifteen, each of which
        // enters and leaves the connection's mutex. SQLite calls such values protected while that mutex is held:
        // it is held here for the whole read (it is recursive, and nil for a connection without one).
        let mutex = sqlite3_db_mutex(db.sqliteConnection)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        try withUnsafeTemporaryAllocation(of: Int64.self, capacity: 13) { buffer in
            guard let values = buffer.baseAddress else { return }
            try withUnsafeTemporaryAllocation(of: OpaquePointer?.self, capacity: 15) { cells in
                guard let cells = cells.baseAddress else { return }
                cells.initialize(repeating: nil, count: 15)
                while true {
                    let status = sqlite3_step(handle)
                    if status == SQLITE_DONE { break }
                    guard status == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: status), message: "reading bars")
                    }
                    let first = sqlite3_column_value(handle, 0)
                    if first != cells[0] {
                        for column in 0..<15 { cells[column] = sqlite3_column_value(handle, Int32(column)) }
                    }
                    let time = sqlite3_value_int64(cells[0])
                    if !StoredValue.seconds.contains(time) {
                        try StoredValue.check(time, StoredValue.seconds, "time", in: "bars")
                    }
                    let scale = try StoredValue.scale(sqlite3_value_int64(cells[1]), in: "bars")
                    var missing: UInt16 = 0
                    for index in 0..<13 {
                        let cell = cells[index + 2]
                        // Every value the store writes is an integer or NULL; text or a fraction (written by another
                        // tool) would read as some other number, so it is refused.
                        let type = sqlite3_value_type(cell)
                        if type != SQLITE_INTEGER {
                            guard type == SQLITE_NULL else { throw Self.unreadable(column: index, type: type) }
                            missing |= 1 << UInt16(index)
                        }
                        values[index] = sqlite3_value_int64(cell)
                    }
                    result.append(
                        BarCodec.decode(time: time, scale: scale, values: values, missing: missing, fast: fast))
                }
            }
        }
    }

    /// The error for a value of the wrong type in the `bars` column of `column` (index into ``BarCodec/valueColumns``).
    private static func unreadable(column: Int, type: Int32) -> UnreadableValue {
        let kind =
            switch type {
            case SQLITE_FLOAT: "a fraction"
            case SQLITE_TEXT: "text"
            default: "a blob"
            }
        return UnreadableValue(table: "bars", detail: "\(BarCodec.valueColumns[column]) holds \(kind), not an integer")
    }

    func ledger(environment: String, since: Date) async throws -> [LedgerEntry] {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return [] }
            return try Self.ledger(db, environmentID: environmentID, since: TimeRange.seconds(since))
        }
    }

    /// The ledger entries of an environment from `since` (seconds) on, oldest first.
    static func ledger(_ db: Database, environmentID: Int64, since: Int64) throws -> [LedgerEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT at, account, epic, resolution, range_start, range_end, points, remaining, total, resets_at
                FROM requests WHERE environment_id = ? AND at >= ? ORDER BY at, id
                """, arguments: [environmentID, since])
        return try rows.map { row in
            LedgerEntry(
                at: Date(timeIntervalSince1970: TimeInterval(try row.integer(atIndex: 0, in: "requests"))),
                account: try row.decode(atIndex: 1), epic: try row.decode(atIndex: 2),
                resolution: try row.decode(atIndex: 3),
                range: TimeRange(
                    start: try row.integer(atIndex: 4, in: "requests"), end: try row.integer(atIndex: 5, in: "requests")
                ),
                points: Int(try row.integer(atIndex: 6, in: "requests")),
                remaining: try row.optionalInteger(atIndex: 7, in: "requests").map { Int($0) },
                total: try row.optionalInteger(atIndex: 8, in: "requests").map { Int($0) },
                resetsAt: try row.optionalInteger(atIndex: 9, in: "requests").map {
                    Date(timeIntervalSince1970: TimeInterval($0))
                })
        }
    }

    func ledgerEnvironments(since: Date) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT environments.name FROM requests
                    JOIN environments ON environments.id = requests.environment_id
                    WHERE requests.at >= ? ORDER BY environments.name
                    """, arguments: [TimeRange.seconds(since)])
        }
    }

    func market(epic: String, environment: String) async throws -> StoredMarket? {
        try await pool.read { db in
            guard let environmentID = try environmentID(db, environment, create: false) else { return nil }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT name, instrument_type, scaling_factor, details, updated_at FROM markets
                        WHERE environment_id = ? AND epic = ?
                        """, arguments: [environmentID, epic])
            else { return nil }
            return StoredMarket(
                epic: epic, name: try row.decode(atIndex: 0), instrumentType: try row.decode(atIndex: 1),
                scalingFactor: (try row.decode(atIndex: 2) as String?).flatMap {
                    Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))
                },
                details: try row.decode(atIndex: 3),
                updatedAt: Date(timeIntervalSince1970: TimeInterval(try row.integer(atIndex: 4, in: "markets"))))
        }
    }

    func status(environment: String?) async throws -> [SeriesStatus] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, e.name, s.epic, s.resolution, s.updated_at, s.bar_count
                    FROM series s JOIN environments e ON e.id = s.environment_id
                    WHERE ? IS NULL OR e.name = ? ORDER BY e.name, s.epic, s.resolution
                    """, arguments: [environment, environment])
            return try rows.map { row -> SeriesStatus in
                let resolution = try StoredValue.resolution(try row.decode(atIndex: 3))
                let key = SeriesKey(
                    environment: try row.decode(atIndex: 1), epic: Epic(rawValue: try row.decode(atIndex: 2)),
                    resolution: resolution)
                let bars = try row.integer(atIndex: 5, in: "series")
                try StoredValue.check(bars, StoredValue.barCounts, "bar_count", in: "series")
                return SeriesStatus(
                    key: key, bars: Int(bars),
                    coverage: try Self.coverage(db, try row.integer(atIndex: 0, in: "series")),
                    updatedAt: try row.optionalInteger(atIndex: 4, in: "series").map {
                        Date(timeIntervalSince1970: TimeInterval($0))
                    })
            }
        }
    }

    func heldEpics(
        environment: String?
    ) async throws -> (series: [(environment: String, epic: String)], recorded: [RecordedStream]) {
        try await pool.read { db in
            let series = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.name, s.epic FROM series s JOIN environments e ON e.id = s.environment_id
                    WHERE ? IS NULL OR e.name = ? ORDER BY s.id
                    """, arguments: [environment, environment]
            ).map { row -> (environment: String, epic: String) in
                (try row.decode(atIndex: 0), try row.decode(atIndex: 1))
            }
            let recorded = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT e.name, r.epic, r.stream FROM recorded_spans r
                    JOIN environments e ON e.id = r.environment_id
                    WHERE ? IS NULL OR e.name = ? ORDER BY e.name, r.epic, r.stream
                    """, arguments: [environment, environment]
            ).map { row in
                RecordedStream(
                    environment: try row.decode(atIndex: 0), epic: Epic(rawValue: try row.decode(atIndex: 1)),
                    stream: try row.decode(atIndex: 2))
            }
            return (series, recorded)
        }
    }

    func queue(environment: String) async throws -> QueueStatus {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT w.state, count(*) FROM work_units w JOIN series s ON s.id = w.series_id
                    JOIN environments e ON e.id = s.environment_id WHERE e.name = ? GROUP BY w.state
                    """, arguments: [environment])
            var status = QueueStatus(pending: 0, claimed: 0, done: 0)
            for row in rows {
                let count = Int(try row.integer(atIndex: 1, in: "work_units"))
                switch try row.decode(atIndex: 0) as String {
                case "done": status.done = count
                case "claimed": status.claimed = count
                case "failed": status.failed = count
                default: status.pending += count
                }
            }
            return status
        }
    }

    func openUnits(environment: String?) async throws -> [QueuedUnit] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT w.id, e.name, s.epic, s.resolution, w.start_time, w.end_time, w.points, w.state, w.worker,
                    w.claim_expires FROM work_units w JOIN series s ON s.id = w.series_id
                    JOIN environments e ON e.id = s.environment_id
                    WHERE w.state <> 'done' AND (? IS NULL OR e.name = ?) ORDER BY e.name, w.priority, w.id
                    """, arguments: [environment, environment])
            return try rows.map { row -> QueuedUnit in
                let key = SeriesKey(
                    environment: try row.decode(atIndex: 1), epic: Epic(rawValue: try row.decode(atIndex: 2)),
                    resolution: try StoredValue.resolution(try row.decode(atIndex: 3)))
                return QueuedUnit(
                    unit: WorkUnit(
                        id: try row.integer(atIndex: 0, in: "work_units"), key: key,
                        range: TimeRange(
                            start: try row.integer(atIndex: 4, in: "work_units"),
                            end: try row.integer(atIndex: 5, in: "work_units")),
                        points: Int(try row.integer(atIndex: 6, in: "work_units"))),
                    state: try StoredValue.queuedState(try row.decode(atIndex: 7)), worker: try row.decode(atIndex: 8),
                    claimExpires: try row.optionalInteger(atIndex: 9, in: "work_units").map {
                        Date(timeIntervalSince1970: TimeInterval($0))
                    })
            }
        }
    }

    // MARK: Writes

    func commit(_ batch: FetchedBars, completing unit: Int64?, now: Date) async throws {
        try await pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                guard let series = try seriesID(db, batch.key, create: true) else { return .rollback }
                // The count this commit adds to is checked first: another tool may have set it to anything.
                let count =
                    try Row.fetchOne(db, sql: "SELECT bar_count FROM series WHERE id = ?", arguments: [series])?
                    .integer(atIndex: 0, in: "series") ?? 0
                try StoredValue.check(count, StoredValue.barCounts, "bar_count", in: "series")
                var added: Int64 = 0
                if let span = BatchSpan(batch.rows) {
                    let before = try Self.storedBars(db, series: series, in: span)
                    try insert(db, series: series, rows: batch.rows)
                    added = try span.added(before: before) ?? Self.storedBars(db, series: series, in: span) - before
                }
                try mergeCoverage(db, series: series, range: batch.covered)
                try db.execute(
                    sql: """
                        UPDATE series SET updated_at = ?, instrument_type = coalesce(?, instrument_type),
                        bar_count = bar_count + ? WHERE id = ?
                        """,
                    arguments: [TimeRange.seconds(now), batch.instrumentType?.rawValue, added, series])
                if let entry = batch.ledger {
                    try record(db, entry, environment: batch.key.environment)
                }
                if let unit {
                    try db.execute(
                        sql: "UPDATE work_units SET state = 'done', claim_expires = NULL WHERE id = ?",
                        arguments: [unit])
                }
                return .commit
            }
        }
    }

    /// The stored bars of `series` that start in `span` (an index range count).
    private static func storedBars(_ db: Database, series: Int64, in span: BatchSpan) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT count(*) FROM bars WHERE series_id = ? AND time >= ? AND time <= ?",
            arguments: [series, span.first, span.last]) ?? 0
    }

    /// Rows per multi-row `INSERT`: one prepared statement binds this many bars at once.
    static let rowsPerStatement = 64

    private func insert(_ db: Database, series: Int64, rows: [PriceTable.Row]) throws {
        guard !rows.isEmpty else { return }
        let columns = BarCodec.valueColumns.joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: 16).joined(separator: ", ") + ")"
        func statement(_ count: Int) throws -> SQLiteStatement {
            try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO bars (series_id, time, scale, \(columns)) VALUES "
                    + Array(repeating: tuple, count: count).joined(separator: ", ")
            ).sqliteStatement
        }
        let many = rows.count >= Self.rowsPerStatement ? try statement(Self.rowsPerStatement) : nil
        let one = try statement(1)
        // Bindings outlive `sqlite3_reset`. Each statement starts this call with every parameter NULL and the series
        // bound in every row slot; then a row binds its time and what differs from what its slot holds (a scale
        // already there, or a NULL already NULL, is not bound again: most bars have no last-traded prices).
        for (handle, slots) in [(many, Self.rowsPerStatement), (one, 1)] {
            guard let handle else { continue }
            sqlite3_clear_bindings(handle)
            for slot in 0..<slots { sqlite3_bind_int64(handle, Int32(slot * 16) + 1, series) }
        }
        // What each row slot holds: the 64-row statement's slots, then the single-row statement's.
        let allMissing: UInt16 = (1 << 13) - 1
        var held = [(missing: UInt16, scale: Int)](repeating: (allMissing, -1), count: Self.rowsPerStatement + 1)
        var encoder = BarEncoder()
        var index = 0
        while index < rows.count {
            let handle: SQLiteStatement
            let count: Int
            if let many, rows.count - index >= Self.rowsPerStatement {
                handle = many
                count = Self.rowsPerStatement
            } else {
                handle = one
                count = 1
            }
            sqlite3_reset(handle)
            for offset in 0..<count {
                let (time, scale) = try encoder.encode(rows[index + offset])
                let base = Int32(offset * 16)
                let slot = count == 1 ? Self.rowsPerStatement : offset
                let before = held[slot]
                sqlite3_bind_int64(handle, base + 2, time)
                if scale != before.scale { sqlite3_bind_int64(handle, base + 3, Int64(scale)) }
                let missing = encoder.missing
                for position in 0..<13 {
                    let bit: UInt16 = 1 << UInt16(position)
                    if missing & bit == 0 {
                        sqlite3_bind_int64(handle, base + Int32(position + 4), encoder.values[position])
                    } else if before.missing & bit == 0 {
                        sqlite3_bind_null(handle, base + Int32(position + 4))
                    }
                }
                held[slot] = (missing, scale)
            }
            let status = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard status == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: status),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            index += count
        }
    }

    private func mergeCoverage(_ db: Database, series: Int64, range: TimeRange) throws {
        guard !range.isEmpty else { return }
        let touching = try Row.fetchAll(
            db,
            sql: "SELECT start_time, end_time FROM coverage WHERE series_id = ? AND end_time >= ? AND start_time <= ?",
            arguments: [series, range.start, range.end])
        var merged = range
        for row in touching {
            merged = TimeRange(
                start: min(merged.start, try row.integer(atIndex: 0, in: "coverage")),
                end: max(merged.end, try row.integer(atIndex: 1, in: "coverage")))
        }
        try db.execute(
            sql: "DELETE FROM coverage WHERE series_id = ? AND end_time >= ? AND start_time <= ?",
            arguments: [series, range.start, range.end])
        try db.execute(
            sql: "INSERT INTO coverage (series_id, start_time, end_time) VALUES (?, ?, ?)",
            arguments: [series, merged.start, merged.end])
    }

    func record(_ db: Database, _ entry: LedgerEntry, environment: String) throws {
        guard let environmentID = try environmentID(db, environment, create: true) else { return }
        try db.execute(
            sql: """
                INSERT INTO requests (environment_id, account, epic, resolution, range_start, range_end, points,
                remaining, total, resets_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                environmentID, entry.account, entry.epic, entry.resolution, entry.range.start, entry.range.end,
                entry.points, entry.remaining, entry.total, entry.resetsAt.map(TimeRange.seconds),
                TimeRange.seconds(entry.at),
            ])
    }

    func save(_ market: StoredMarket, environment: String) async throws {
        try await pool.write { db in
            guard let environmentID = try environmentID(db, environment, create: true) else { return }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO markets (environment_id, epic, name, instrument_type, scaling_factor,
                    details, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    environmentID, market.epic, market.name, market.instrumentType,
                    market.scalingFactor.map { "\($0)" }, market.details, TimeRange.seconds(market.updatedAt),
                ])
        }
    }

    // MARK: Shared work

    func enqueue(_ units: [PlannedUnit]) async throws -> Int {
        try await pool.write { db in
            var added = 0
            for unit in units {
                guard let series = try seriesID(db, unit.key, create: true) else { continue }
                // A failed unit asked for again is queued again (as on PostgreSQL, where an upsert would lock rows).
                try db.execute(
                    sql: """
                        UPDATE work_units SET state = 'pending', worker = NULL, claim_expires = NULL
                        WHERE series_id = ? AND start_time = ? AND end_time = ? AND state = 'failed'
                        """, arguments: [series, unit.range.start, unit.range.end])
                added += db.changesCount
                try db.execute(
                    sql: """
                        INSERT INTO work_units (series_id, start_time, end_time, points, priority)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (series_id, start_time, end_time) DO NOTHING
                        """, arguments: [series, unit.range.start, unit.range.end, unit.points, unit.priority])
                added += db.changesCount
            }
            return added
        }
    }

    func claim(environment: String, worker: String, until expiry: Date, now: Date) async throws -> WorkClaim? {
        try await pool.writeWithoutTransaction { db in
            var claim: WorkClaim?
            try db.inTransaction(.immediate) {
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT w.id, s.epic, s.resolution, w.start_time, w.end_time, w.points FROM work_units w
                            JOIN series s ON s.id = w.series_id JOIN environments e ON e.id = s.environment_id
                            WHERE e.name = ? AND (w.state = 'pending' OR (w.state = 'claimed'
                            AND (w.claim_expires < ? OR w.worker = ?)))
                            ORDER BY w.priority, w.id LIMIT 1
                            """, arguments: [environment, TimeRange.seconds(now), worker])
                else { return .commit }
                let resolution = try StoredValue.resolution(try row.decode(atIndex: 2))
                let key = SeriesKey(
                    environment: environment, epic: Epic(rawValue: try row.decode(atIndex: 1)), resolution: resolution)
                let found = WorkClaim(
                    unit: WorkUnit(
                        id: try row.integer(atIndex: 0, in: "work_units"), key: key,
                        range: TimeRange(
                            start: try row.integer(atIndex: 3, in: "work_units"),
                            end: try row.integer(atIndex: 4, in: "work_units")),
                        points: Int(try row.integer(atIndex: 5, in: "work_units"))),
                    worker: worker, expiresAt: expiry)
                // A unit another tool damaged is refused before it is marked, so it is not left claimed.
                try StoredValue.check(found)
                try db.execute(
                    sql: "UPDATE work_units SET state = 'claimed', worker = ?, claim_expires = ? WHERE id = ?",
                    arguments: [worker, TimeRange.seconds(expiry), found.unit.id])
                claim = found
                return .commit
            }
            return claim
        }
    }

    func release(unit: Int64, worker: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE work_units SET state = 'pending', worker = NULL, claim_expires = NULL
                    WHERE id = ? AND worker = ? AND state = 'claimed'
                    """, arguments: [unit, worker])
        }
    }

    func renew(unit: Int64, worker: String, until expiry: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE work_units SET claim_expires = ? WHERE id = ? AND worker = ? AND state = 'claimed'",
                arguments: [TimeRange.seconds(expiry), unit, worker])
            return db.changesCount > 0
        }
    }

    func fail(unit: Int64, worker: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE work_units SET state = 'failed', claim_expires = NULL
                    WHERE id = ? AND worker = ? AND state = 'claimed'
                    """, arguments: [unit, worker])
        }
    }
}
