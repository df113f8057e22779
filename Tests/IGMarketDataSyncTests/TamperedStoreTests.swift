import Foundation
import GRDB
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

/// A store file is input too: another tool (sqlite3, pandas, a script) may write values of any type into any column.
/// Every such file must give a typed error or a correct answer, never a trap and never a silently different number.
@Suite("A store changed by another tool: a typed error, never a crash or a wrong value")
struct TamperedStoreTests {
    static let environment = "DEMO"
    static let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
    static let key = SeriesKey(environment: environment, epic: epic, resolution: .minute)
    static let stream = RecordedStream(environment: environment, epic: epic, stream: RecordedStream.ticks)
    static let bars = [bar(60, "1.08123"), bar(120, "1.08125")]

    static func bar(_ time: Int64, _ price: String) -> PriceTable.Row { .flat(time, price) }

    /// A store with a row in every table: bars with their coverage and ledger entry, a market, a work unit, ticks,
    /// PRICE and account updates, a span and a gap.
    static func fill(_ location: StoreLocation) async throws {
        let store = try await MarketDataStore.open(location)
        let entry = LedgerEntry(
            at: Date(timeIntervalSince1970: 1_000), account: "ABC12", epic: epic.rawValue, resolution: "MINUTE",
            range: TimeRange(start: 60, end: 180), points: 2, remaining: 9_998, total: 10_000,
            resetsAt: Date(timeIntervalSince1970: 600_000))
        try await store.commit(
            FetchedBars(
                key: key, rows: bars, covered: TimeRange(start: 60, end: 180), instrumentType: .currencies,
                ledger: entry))
        try await store.save(
            StoredMarket(
                epic: epic.rawValue, name: "EUR/USD", instrumentType: "CURRENCIES", scalingFactor: 10_000,
                details: Data("{}".utf8), updatedAt: Date(timeIntervalSince1970: 1_000)),
            environment: environment)
        _ = try await store.enqueue([
            PlannedUnit(key: key, range: TimeRange(start: 180, end: 600), points: 7, priority: 1)
        ])
        try await store.record(
            RecordingBatch(
                environment: environment,
                ticks: [RecordedTick(epic: epic, time: 60_000, bid: Decimal(string: "1.08123"), offer: 1)],
                spans: [RecordedSpan(stream: stream, start: 60_000, end: 120_000)],
                gaps: [RecordedGap(stream: stream, start: 120_000, end: 130_000, reason: "overflow")],
                prices: [RecordedPrice(epic: epic, time: 60_000, bid: 1, ask: 2)],
                accountUpdates: [RecordedAccountUpdate(item: "ACCOUNT:ABC12", time: 60_000, update: "{}")]),
            now: Date(timeIntervalSince1970: 2_000))
        await store.close()
    }

    /// Every read of the store and a commit that merges coverage. Returns the codes of the errors met; a trap ends
    /// the test run.
    static func exercise(_ location: StoreLocation) async -> [StoreError.Code] {
        var codes: [StoreError.Code] = []
        func attempt(_ body: () async throws -> Void) async {
            do {
                try await body()
            } catch let error as StoreError {
                codes.append(error.code)
            } catch {
                codes.append(StoreError.Code(rawValue: "untyped \(error)"))
            }
        }
        let store: MarketDataStore
        do {
            store = try await MarketDataStore.open(location)
        } catch {
            return [error.code]
        }
        let all = TimeRange(start: 0, end: 1_000_000)
        let from = Date(timeIntervalSince1970: 0)
        let to = Date(timeIntervalSince1970: 1_000_000)
        await attempt { _ = try await store.table(key, in: all) }
        await attempt { _ = try await store.coverage(key) }
        await attempt { _ = try await store.ledger(environment: environment, since: from) }
        await attempt { _ = try await store.allowance(environment: environment, since: from) }
        await attempt { _ = try await store.market(epic: epic.rawValue, environment: environment) }
        await attempt { _ = try await store.status() }
        await attempt { _ = try await store.queue(environment: environment) }
        await attempt { _ = try await store.ticks(epic, environment: environment, from: from, to: to) }
        await attempt { _ = try await store.prices(epic, environment: environment, from: from, to: to) }
        await attempt { _ = try await store.accountUpdates(environment: environment) }
        await attempt { _ = try await store.gaps(environment: environment) }
        await attempt { _ = try await store.spans(stream) }
        await attempt { _ = try await store.recordingCoverage(stream, in: all) }
        await attempt { _ = try await store.recordingEnds(environment: environment) }
        await attempt { _ = try await store.latestTicks(environment: environment, epics: [epic]) }
        await attempt {
            _ = try await store.claim(
                environment: environment, worker: "w", until: Date(timeIntervalSince1970: 10_000),
                now: Date(timeIntervalSince1970: 5_000))
        }
        await attempt {
            try await store.commit(
                FetchedBars(key: key, rows: [bar(180, "1.08127")], covered: all))
        }
        await store.close()
        return codes
    }

    /// The errors a changed store may give: a value refused, or the whole file refused when its metadata changed.
    static let refusals: [StoreError.Code] = [.unreadableValue, .foreignDatabase, .newerSchema, .unrepresentableValue]

    /// The tables and columns of a store, in the order they were created (referenced tables first), with their
    /// declared types.
    static func columns(_ path: String) async throws -> [(table: String, column: String, type: String)] {
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        return try await raw.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            ).flatMap { table in
                try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                    .map { (table, $0[0], $0[1]) }
            }
        }
    }

    /// A copy of `pristine` at `path` with `sql` applied; false when SQLite refused the change (a constraint).
    static func tamper(_ pristine: String, _ path: String, _ sql: String) throws -> Bool {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: pristine, toPath: path)
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        do {
            try raw.write { try $0.execute(sql: sql) }
            return true
        } catch is DatabaseError {
            return false
        }
    }

    @Test("every column of every table set to text, a fraction, a blob, NULL or an extreme integer: no trap")
    func everyColumn() async throws {
        try await withTemporaryDirectory { directory in
            let pristine = directory + "/pristine.sqlite"
            try await Self.fill(.sqlite(path: pristine))
            let columns = try await Self.columns(pristine)
            #expect(columns.count > 80)
            let values = ["'x'", "1.5", "x'00ff'", "NULL", "9223372036854775807", "-9223372036854775808"]
            var changed = 0
            var refused: [String] = []
            for (table, column, _) in columns {
                for value in values {
                    let path = directory + "/tampered.sqlite"
                    guard try Self.tamper(pristine, path, "UPDATE \(table) SET \(column) = \(value)") else { continue }
                    changed += 1
                    let codes = await Self.exercise(.sqlite(path: path))
                    let unexpected = codes.filter { !Self.refusals.contains($0) }
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
        try await withTemporaryDirectory { directory in
            let pristine = directory + "/pristine.sqlite"
            try await Self.fill(.sqlite(path: pristine))
            let path = directory + "/tampered.sqlite"
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
        try await withTemporaryDirectory { directory in
            let pristine = directory + "/pristine.sqlite"
            try await Self.fill(.sqlite(path: pristine))
            let path = directory + "/tampered.sqlite"
            let cases: [(String, @Sendable (MarketDataStore) async throws -> Void)] = [
                ("UPDATE coverage SET start_time = 'x'", { _ = try await $0.coverage(Self.key) }),
                (
                    "UPDATE requests SET points = 'x'",
                    { _ = try await $0.ledger(environment: "DEMO", since: .distantPast) }
                ),
                ("UPDATE series SET updated_at = 'x'", { _ = try await $0.status() }),
                // A series of an unknown resolution is refused, not left out of the status as if it did not exist.
                ("UPDATE series SET resolution = 'FORTNIGHT'", { _ = try await $0.status() }),
                (
                    "UPDATE markets SET updated_at = 'x'",
                    { _ = try await $0.market(epic: Self.epic.rawValue, environment: "DEMO") }
                ),
                ("UPDATE recorded_spans SET end_ms = x'00'", { _ = try await $0.spans(Self.stream) }),
                (
                    "UPDATE ticks SET scale = 40",
                    { _ = try await $0.latestTicks(environment: "DEMO", epics: [Self.epic]) }
                ),
            ]
            for (change, read) in cases {
                #expect(try Self.tamper(pristine, path, change))
                let store = try await MarketDataStore.open(.sqlite(path: path))
                do {
                    try await read(store)
                    Issue.record("\(change): read without an error")
                } catch {
                    #expect((error as? StoreError)?.code == .unreadableValue, "\(change): \(error)")
                }
                await store.close()
            }
        }
    }

    /// Claims the filled store's unit after `change`, which another tool made; then the queue as the store sees it.
    static func claimDamaged(
        _ location: StoreLocation, _ change: (String) async throws -> Void
    ) async throws
        -> (error: StoreError?, queue: QueueStatus)
    {
        try await fill(location)
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
                let raw = try DatabaseQueue(path: path)
                try await raw.write { try $0.execute(sql: sql) }
                try raw.close()
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
            return try await Self.columns(path)
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
    /// table), then ``exercise(_:)``. Returns how many changes PostgreSQL accepted and the unexpected errors.
    static func tamperOnPostgres(
        tables: [String], columns: [(table: String, column: String, type: String)], value: String
    ) async throws -> (changed: Int, refused: [String]) {
        try await withPostgresDatabase { url in
            let location = try StoreLocation(parsing: url)
            try await fill(location)
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
                let unexpected = await exercise(location).filter { !refusals.contains($0) }
                if !unexpected.isEmpty { refused.append("\(update): \(unexpected)") }
            }
            return (changed, refused)
        }
    }
}
