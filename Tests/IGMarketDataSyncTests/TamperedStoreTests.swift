import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

/// A store file is input too: another tool (sqlite3, pandas, a script) may write values of any type into any column.
/// Every such file must give a typed error or a correct answer, never a trap and never a silently different number.
@Suite("A store changed by another tool: a typed error, never a crash or a wrong value")
struct TamperedStoreTests {
    static let environment = StoreExercise.environment
    static let epic = StoreExercise.epic
    static let key = StoreExercise.key
    static let stream = StoreExercise.stream
    static let bars = StoreExercise.bars

    /// A copy of `pristine` at `path` with `sql` applied; false when SQLite refused the change (a constraint).
    static func tamper(_ pristine: String, _ path: String, _ sql: String) throws -> Bool {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: pristine, toPath: path)
        return try StoreExercise.change(sqlitePath: path, sql)
    }

    /// Runs `body` in a temporary directory holding a filled store (`pristine`) and the path its changed copies
    /// take (`path`).
    static func withFilledStore(
        _ body: (_ directory: String, _ pristine: String, _ path: String) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            let pristine = directory + "/pristine.sqlite"
            try await StoreExercise.fill(.sqlite(path: pristine))
            try await body(directory, pristine, directory + "/tampered.sqlite")
        }
    }

    /// A read of the store API, run on a changed copy.
    typealias StoreRead = @Sendable (MarketDataStore) async throws -> Void

    /// For each case, a copy of `pristine` at `path` with `change` applied, on which `read` must be refused as an
    /// unreadable value (with `detail` in the message, when given).
    static func expectRefused(
        _ cases: [(change: String, detail: String?, read: StoreRead)], pristine: String, path: String
    ) async throws {
        for (change, detail, read) in cases {
            #expect(try Self.tamper(pristine, path, change))
            let store = try await MarketDataStore.open(.sqlite(path: path))
            do {
                try await read(store)
                Issue.record("\(change): read without an error")
            } catch {
                let storeError = error as? StoreError
                #expect(storeError?.code == .unreadableValue, "\(change): \(error)")
                if let detail { #expect(storeError?.message.contains(detail) == true, "\(change): \(error)") }
            }
            await store.close()
        }
    }

    @Test("every column of every table set to text, a fraction, a blob, NULL or an extreme integer: no trap")
    func everyColumn() async throws {
        try await withTemporaryDirectory { directory in
            let pristine = directory + "/pristine.sqlite"
            try await StoreExercise.fill(.sqlite(path: pristine))
            let columns = try StoreExercise.columns(sqlitePath: pristine)
            #expect(columns.count > 80)
            let values = ["'x'", "1.5", "x'00ff'", "NULL", "9223372036854775807", "-9223372036854775808"]
            var changed = 0
            var refused: [String] = []
            for (table, column, _) in columns {
                for value in values {
                    let path = directory + "/tampered.sqlite"
                    guard try Self.tamper(pristine, path, "UPDATE \(table) SET \(column) = \(value)") else { continue }
                    changed += 1
                    let codes = await StoreExercise.exercise(.sqlite(path: path))
                    let unexpected = codes.filter { !StoreExercise.refusals.contains($0) }
                    if !unexpected.isEmpty { refused.append("\(table).\(column) = \(value): \(unexpected)") }
                }
            }
            #expect(changed > 300)
            #expect(refused.isEmpty, "errors of another kind than a refused value: \(refused)")
        }
    }

    @Test(
        "a bar value or scale another tool changed is refused, not read as some other number",
        arguments: [
            ("bid_open = 'x'", "bid_open holds text"), ("ask_close = 1.5", "ask_close holds a fraction"),
            ("volume = x'01'", "volume holds a blob"), ("scale = 19", "decimal scale 19"),
            ("scale = -1", "decimal scale -1"),
        ])
    func barValues(change: String, detail: String) async throws {
        try await Self.withFilledStore { directory, pristine, path in
            #expect(try Self.tamper(pristine, path, "UPDATE bars SET \(change) WHERE time = 120"))
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let error = await #expect(throws: StoreError.self) {
                _ = try await store.table(Self.key, in: TimeRange(start: 0, end: 1_000))
            }
            #expect(error?.code == .unreadableValue)
            #expect(error?.message.contains(detail) == true, "\(String(describing: error))")
            #expect(error?.hint?.contains("left untouched") == true)
            // The untouched bar still reads back exactly.
            #expect(try await store.table(Self.key, in: TimeRange(start: 0, end: 100)).rows == [Self.bars[0]])
            await store.close()
        }
    }

    @Test("text in a ledger, coverage or series column is a typed error, where GRDB's subscript would trap")
    func otherTables() async throws {
        try await Self.withFilledStore { directory, pristine, path in
            let cases: [(change: String, detail: String?, read: StoreRead)] = [
                ("UPDATE coverage SET start_time = 'x'", nil, { _ = try await $0.coverage(Self.key) }),
                (
                    "UPDATE requests SET points = 'x'", nil,
                    { _ = try await $0.ledger(environment: "DEMO", since: .distantPast) }
                ),
                ("UPDATE series SET updated_at = 'x'", nil, { _ = try await $0.status() }),
                // A series of an unknown resolution is refused, not left out of the status as if it did not exist.
                ("UPDATE series SET resolution = 'FORTNIGHT'", nil, { _ = try await $0.status() }),
                (
                    "UPDATE markets SET updated_at = 'x'", nil,
                    { _ = try await $0.market(epic: Self.epic.rawValue, environment: "DEMO") }
                ),
                ("UPDATE recorded_spans SET end_ms = x'00'", nil, { _ = try await $0.spans(Self.stream) }),
                (
                    "UPDATE ticks SET scale = 40", nil,
                    { _ = try await $0.latestTicks(environment: "DEMO", epics: [Self.epic]) }
                ),
            ]
            // The column named is the one another tool damaged (a span's end read as the latest update).
            #expect(try Self.tamper(pristine, path, "UPDATE recorded_spans SET end_ms = 9223372036854775807"))
            let ends = try await MarketDataStore.open(.sqlite(path: path))
            let endError = await #expect(throws: StoreError.self) {
                _ = try await ends.recordingEnds(environment: Self.environment)
            }
            #expect(endError?.message.contains("recorded_spans") == true, "\(String(describing: endError))")
            #expect(endError?.message.contains("end_ms") == true, "\(String(describing: endError))")
            await ends.close()
            try await Self.expectRefused(cases, pristine: pristine, path: path)
        }
    }

    @Test("a fraction in a ledger, coverage, series, market, work unit, span or gap column is refused, not truncated")
    func fractions() async throws {
        try await Self.withFilledStore { directory, pristine, path in
            let ledger: StoreRead = {
                _ = try await $0.ledger(environment: Self.environment, since: .distantPast)
            }
            let units: StoreRead = { _ = try await $0.openUnits() }
            let recordings: StoreRead = { _ = try await $0.recordings() }
            // GRDB's decoding of a fetched row truncates a real to its integer part: each of these read as another
            // number before.
            let cases: [(String, String, StoreRead)] = [
                ("UPDATE coverage SET start_time = 60.5", "start_time", { _ = try await $0.coverage(Self.key) }),
                ("UPDATE coverage SET end_time = 179.5", "end_time", { _ = try await $0.status() }),
                ("UPDATE requests SET at = 1000.5", "at", ledger),
                ("UPDATE requests SET points = 1.5", "points", ledger),
                ("UPDATE requests SET remaining = 9997.5", "remaining", ledger),
                ("UPDATE requests SET resets_at = 600000.5", "resets_at", ledger),
                ("UPDATE series SET bar_count = 1.5", "bar_count", { _ = try await $0.status() }),
                ("UPDATE series SET updated_at = 1.5", "updated_at", { _ = try await $0.status() }),
                (
                    "UPDATE markets SET updated_at = 1000.5", "updated_at",
                    { _ = try await $0.market(epic: Self.epic.rawValue, environment: Self.environment) }
                ),
                ("UPDATE work_units SET points = 6.5", "points", units),
                ("UPDATE work_units SET start_time = 180.5", "start_time", units),
                ("UPDATE recorded_spans SET start_ms = 60000.5", "start_ms", { _ = try await $0.spans(Self.stream) }),
                ("UPDATE recorded_spans SET end_ms = 120000.5", "end_ms", recordings),
                (
                    "UPDATE recorded_gaps SET end_ms = 130000.5", "end_ms",
                    { _ = try await $0.gaps(environment: Self.environment) }
                ),
                // The count a commit adds to: it would have gone on from 1 and stored a real.
                (
                    "UPDATE series SET bar_count = 1.5", "bar_count",
                    {
                        try await $0.commit(
                            FetchedBars(
                                key: Self.key, rows: [.flat(180, "1.08127")], covered: TimeRange(start: 180, end: 240)))
                    }
                ),
            ]
            try await Self.expectRefused(
                cases.map { ($0.0, "\($0.1) holds a fraction", $0.2) }, pristine: pristine, path: path)
        }
    }

    @Test(
        "a recorded value or sequence another tool changed is refused when read or copied, not read as another number",
        arguments: [
            ("UPDATE ticks SET bid = 'x'", "bid holds text"), ("UPDATE ticks SET seq = 'x'", "seq holds text"),
            ("UPDATE ticks SET offer = 1.5", "offer holds a fraction"),
            ("UPDATE ticks SET seq = 9223372036854775807", "seq is 9223372036854775807"),
            ("UPDATE price_updates SET ask = x'01'", "ask holds a blob"),
            ("UPDATE account_updates SET seq = -1", "seq is -1"),
        ])
    func recordedValues(change: String, detail: String) async throws {
        // The filled store's one span is of the ticks, so only they are copied (rows outside every span are not).
        let copied = change.contains("ticks")
        try await Self.withFilledStore { directory, pristine, path in
            #expect(try Self.tamper(pristine, path, change))
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let all = (from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 1_000))
            // The read that meets the row: GRDB's own decoding read text as 0 and a fraction as its integer part.
            let read = await #expect(throws: StoreError.self) {
                _ = try await store.ticks(Self.epic, environment: Self.environment, from: all.from, to: all.to)
                _ = try await store.prices(Self.epic, environment: Self.environment, from: all.from, to: all.to)
                _ = try await store.accountUpdates(environment: Self.environment)
            }
            #expect(read?.code == .unreadableValue)
            #expect(read?.message.contains(detail) == true, "\(String(describing: read))")
            // A copy a row a page pages on (time, sequence): text read as 0 kept it on the same row for ever, and
            // the largest sequence overflowed the next page's start.
            let destination = try await MarketDataStore.open(.sqlite(path: directory + "/copy.sqlite"))
            if copied {
                let copy = await #expect(throws: StoreError.self) {
                    _ = try await destination.copy(from: store, pageSize: 1)
                }
                #expect(copy?.code == .unreadableValue)
                #expect(copy?.message.contains(detail) == true, "\(String(describing: copy))")
            } else {
                #expect(try await destination.copy(from: store, pageSize: 1).bars == Self.bars.count)
            }
            // What was copied before the damaged row is there: the bars, with their coverage.
            #expect(try await destination.table(Self.key, in: TimeRange(start: 0, end: 1_000)).rows == Self.bars)
            await destination.close()
            await store.close()
        }
    }

    /// Claims the filled store's unit after `change`, which another tool made; then the queue as the store sees it.
    static func claimDamaged(
        _ location: StoreLocation, _ change: (String) async throws -> Void
    ) async throws
        -> (error: StoreError?, queue: QueueStatus)
    {
        try await StoreExercise.fill(location)
        try await change("UPDATE work_units SET end_time = 9223372036854775807")
        let store = try await MarketDataStore.open(location)
        let error = await #expect(throws: StoreError.self) {
            _ = try await store.claim(
                environment: environment, worker: "w", until: Date(timeIntervalSince1970: 10_000),
                now: Date(timeIntervalSince1970: 5_000))
        }
        // A unit whose series names a resolution IG does not have is refused too, not skipped as if no work remained.
        try await change("UPDATE work_units SET end_time = 600; UPDATE series SET resolution = 'FORTNIGHT'")
        let unknown = await #expect(throws: StoreError.self) {
            _ = try await store.claim(
                environment: environment, worker: "w", until: Date(timeIntervalSince1970: 10_000),
                now: Date(timeIntervalSince1970: 5_000))
        }
        #expect(unknown?.code == .unreadableValue)
        #expect(unknown?.message.contains("\"FORTNIGHT\" is not one of IG's") == true, "\(String(describing: unknown))")
        let queue = try await store.queue(environment: environment)
        await store.close()
        return (error, queue)
    }

    @Test("a damaged work unit is refused before it is claimed: it stays pending, not held for a lease")
    func damagedUnitStaysPending() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let (error, queue) = try await Self.claimDamaged(.sqlite(path: path)) { sql in
                let accepted = try StoreExercise.change(sqlitePath: path, sql)
                #expect(accepted)
            }
            #expect(error?.code == .unreadableValue)
            #expect(error?.message.contains("work_units") == true, "\(String(describing: error))")
            #expect(queue == QueueStatus(pending: 1, claimed: 0, done: 0))
        }
    }

    @Test(
        "PostgreSQL: a damaged work unit is refused and the claim rolled back",
        .enabled(if: PostgresTesting.available, "IG_TEST_POSTGRES_URL is not set"))
    func damagedUnitStaysPendingOnPostgres() async throws {
        try await withPostgresDatabase { url in
            let location = try StoreLocation(parsing: url)
            guard case .postgres(let server) = location else { return }
            let (error, queue) = try await Self.claimDamaged(location) { sql in
                try await runSQL(server, sql, database: server.database)
            }
            #expect(error?.code == .unreadableValue)
            #expect(error?.message.contains("work_units") == true, "\(String(describing: error))")
            #expect(queue == QueueStatus(pending: 1, claimed: 0, done: 0))
        }
    }

    @Test(
        "PostgreSQL: every integer column set to an extreme or NULL: no trap",
        .enabled(if: PostgresTesting.available, "IG_TEST_POSTGRES_URL is not set"))
    func everyIntegerColumnOnPostgres() async throws {
        // PostgreSQL keeps each column's type, so what another tool can write is any integer or NULL.
        let columns = try await withTemporaryDirectory { directory in
            let path = directory + "/schema.sqlite"
            _ = try await MarketDataStore.open(.sqlite(path: path)).close()
            return try StoreExercise.columns(sqlitePath: path)
        }
        let tables = columns.map(\.table).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let integers = columns.filter { $0.type.hasSuffix("INT") || $0.type == "INTEGER" }
        // One database per value, side by side: each case restores every table from a pristine copy first.
        let outcomes = try await withThrowingTaskGroup(of: (changed: Int, refused: [String]).self) { group in
            for value in ["9223372036854775807", "-9223372036854775808", "NULL"] {
                group.addTask {
                    try await Self.tamperOnPostgres(tables: tables, columns: integers, value: value)
                }
            }
            return try await group.reduce(into: [(changed: Int, refused: [String])]()) { $0.append($1) }
        }
        #expect(outcomes.map(\.changed).reduce(0, +) > 60)
        let refused = outcomes.flatMap(\.refused)
        #expect(refused.isEmpty, "errors of another kind than a refused value: \(refused)")
    }

    /// In a new database with the filled store: each of `columns` set to `value` in turn (on a fresh copy of every
    /// table), then `StoreExercise.exercise(_:)`. Returns how many changes PostgreSQL accepted and the unexpected errors.
    static func tamperOnPostgres(
        tables: [String], columns: [(table: String, column: String, type: String)], value: String
    ) async throws -> (changed: Int, refused: [String]) {
        try await withPostgresDatabase { url in
            let location = try StoreLocation(parsing: url)
            try await StoreExercise.fill(location)
            guard case .postgres(let server) = location else { return (0, []) }
            let copy = tables.map { "CREATE TABLE pristine.\($0) AS SELECT * FROM public.\($0)" }
            try await runSQL(
                server, "CREATE SCHEMA pristine; " + copy.joined(separator: "; "), database: server.database)
            let restore =
                "TRUNCATE " + tables.joined(separator: ", ") + "; "
                + tables.map { "INSERT INTO public.\($0) OVERRIDING SYSTEM VALUE SELECT * FROM pristine.\($0)" }
                .joined(separator: "; ")
            var changed = 0
            var refused: [String] = []
            for (table, column, _) in columns {
                let update = "UPDATE \(table) SET \(column) = \(value)"
                guard (try? await runSQL(server, restore + "; " + update, database: server.database)) != nil else {
                    continue
                }
                changed += 1
                let unexpected = await StoreExercise.exercise(location).filter { !StoreExercise.refusals.contains($0) }
                if !unexpected.isEmpty { refused.append("\(update): \(unexpected)") }
            }
            return (changed, refused)
        }
    }
}
