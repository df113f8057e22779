import Foundation
import GRDB
public import IGMarketData
public import IGModels

/// A market-data store with a row in every table, changed the way another tool could change it, and every read of the
/// store API run over it. For the tests and the fuzzer that expect such a store to give a typed error or a correct
/// answer, never a trap and never a silently different number.
public enum StoreExercise {
    /// The environment of what ``fill(_:)`` writes.
    public static let environment = "DEMO"
    /// The epic of what ``fill(_:)`` writes.
    public static let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
    /// The series of the filled bars.
    public static let key = SeriesKey(environment: environment, epic: epic, resolution: .minute)
    /// The recorded tick stream of the filled span and gap.
    public static let stream = RecordedStream(environment: environment, epic: epic, stream: RecordedStream.ticks)
    /// The two bars ``fill(_:)`` commits, at 60 and 120 seconds.
    public static let bars = [PriceTable.Row.flat(60, "1.08123"), .flat(120, "1.08125")]

    /// The errors a changed store may give: a value refused, or the whole file refused when its metadata changed.
    public static let refusals: [StoreError.Code] = [
        .unreadableValue, .foreignDatabase, .newerSchema, .unrepresentableValue,
    ]

    /// Writes a row into every table: bars with their coverage and ledger entry, a market, a work unit, ticks, PRICE
    /// and account updates, a span and a gap.
    public static func fill(_ location: StoreLocation) async throws {
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

    /// Opens the store, runs every read of its API, a claim, a commit that merges coverage and a copy of everything
    /// into a new SQLite store (a page a row, as `ig history copy --from` reads a source), and returns the codes
    /// of the errors met (an error that is not a ``StoreError`` as a code starting with `untyped`). A trap ends the
    /// process: that is what the callers look for.
    public static func exercise(_ location: StoreLocation) async -> [StoreError.Code] {
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
        await attempt { _ = try await store.openUnits() }
        await attempt { _ = try await store.ticks(epic, environment: environment, from: from, to: to) }
        await attempt { _ = try await store.prices(epic, environment: environment, from: from, to: to) }
        await attempt { _ = try await store.accountUpdates(environment: environment) }
        await attempt { _ = try await store.gaps(environment: environment) }
        await attempt { _ = try await store.spans(stream) }
        await attempt { _ = try await store.recordingCoverage(stream, in: all) }
        await attempt { _ = try await store.recordingEnds(environment: environment) }
        await attempt { _ = try await store.recordings() }
        await attempt { _ = try await store.latestTicks(environment: environment, epics: [epic]) }
        await attempt {
            _ = try await store.claim(
                environment: environment, worker: "w", until: Date(timeIntervalSince1970: 10_000),
                now: Date(timeIntervalSince1970: 5_000))
        }
        await attempt {
            try await store.commit(FetchedBars(key: key, rows: [.flat(180, "1.08127")], covered: all))
        }
        await attempt {
            _ = try await store.dropQueued(environment: environment, now: Date(timeIntervalSince1970: 5_000))
        }
        // What `ig history copy --from` reads: everything, into a new store (small pages, so paging is exercised).
        let copy = NSTemporaryDirectory() + "store-exercise-\(UUID().uuidString).sqlite"
        do {
            try await EmptyStore.shared.copy(to: copy)
            let destination = try await MarketDataStore.open(.sqlite(path: copy))
            await attempt { _ = try await destination.copy(from: store, pageSize: 1) }
            await destination.close()
        } catch {
            codes.append(StoreError.Code(rawValue: "untyped: a new store to copy into failed to open: \(error)"))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        await store.close()
        return codes
    }

    /// The tables and columns of the SQLite store at `path`, in the order they were created (referenced tables
    /// first), with their declared types.
    public static func columns(sqlitePath path: String) throws -> [(table: String, column: String, type: String)] {
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        return try raw.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            ).flatMap { table in
                try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                    .map { (table, try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
            }
        }
    }

    /// Runs `sql` on the SQLite store at `path` as another tool would, without swift-ig's checks. Returns false when
    /// SQLite refused it (a constraint, or a file too damaged to change).
    public static func change(sqlitePath path: String, _ sql: String) throws -> Bool {
        try change(sqlitePath: path, [sql]) == [true]
    }

    /// Runs each statement in turn, each in its own transaction, on one connection; returns which SQLite accepted.
    public static func change(sqlitePath path: String, _ statements: [String]) throws -> [Bool] {
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        return statements.map { sql in
            do {
                try raw.write { try $0.execute(sql: sql) }
                return true
            } catch {
                return false
            }
        }
    }
}
