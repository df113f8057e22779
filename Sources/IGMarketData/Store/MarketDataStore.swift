public import Foundation
public import IGModels
public import Logging

/// The market-data store: bars per environment, epic and resolution, the ranges already fetched (coverage), the
/// allowance ledger and the last market details, in an SQLite file or a PostgreSQL database.
///
/// Both engines keep the same schema (migrated on open) and behave the same. Writes go through
/// ``commit(_:completing:now:)``, which stores bars, their coverage and the ledger entry in one transaction, so a
/// range is never marked covered without its bars. What fills the store (the price cache, the backfill planner) lives
/// in `IGMarketDataSync`.
public final class MarketDataStore: Sendable {
    /// Where the store lives.
    public let location: StoreLocation
    let backend: any StoreBackend

    init(location: StoreLocation, backend: any StoreBackend) {
        self.location = location
        self.backend = backend
    }

    /// Opens the store at `location`, creating an SQLite file (and its directory) when missing and applying the
    /// schema migrations this build knows.
    ///
    /// With `creating: false` (a tool that only reads), a store that is not there yet is refused with
    /// ``StoreError/Code/noStore`` and nothing is created: no SQLite file, no tables in an empty PostgreSQL database.
    ///
    /// With `readOnly` (which implies `creating: false`), an SQLite store is opened without writing to it, so a
    /// user who may read the file but not write it or its folder (a store another user's recorder fills) can read
    /// it; a write then fails with a ``StoreError``. A store of an older schema version is still migrated, which
    /// needs write access. A PostgreSQL store is opened as without it: the server's roles decide.
    ///
    /// - Throws: ``StoreError`` when the file is not an SQLite database, belongs to another application or was
    ///   written by a newer schema version (the file is left untouched), or when PostgreSQL cannot be reached.
    public static func open(
        _ location: StoreLocation, logger: Logger = Logger(label: "IGMarketData"), creating: Bool = true,
        readOnly: Bool = false
    ) async throws(StoreError) -> MarketDataStore {
        let creating = creating && !readOnly
        switch location {
        case .sqlite(let path):
            if !creating, !FileManager.default.fileExists(atPath: path) {
                throw StoreError(
                    .noStore, "There is no store at \(path) yet.",
                    hint: StoreError.noStoreHint)
            }
            return MarketDataStore(location: location, backend: try SQLiteBackend(path: path, readOnly: readOnly))
        case .postgres(let url):
            return MarketDataStore(
                location: location, backend: try await PostgresBackend.open(url, logger: logger, creating: creating))
        }
    }

    /// Returns once everything committed so far is in the database file itself.
    ///
    /// SQLite first appends a commit to the store's write-ahead log (the `-wal` file beside it), where it survives
    /// the process ending, and copies it into the main file on a background thread shortly after. Call this before
    /// copying the file on its own (and write nothing until the copy is done), or to time a bulk write to its end.
    /// Pages that a read under way in another connection still uses, or that another process is copying at that
    /// moment, stay in the log until a later commit or the last close. PostgreSQL has nothing to wait for.
    public func settle() async {
        await backend.settle()
    }

    /// Closes the database (the store cannot be used afterwards).
    ///
    /// On SQLite, when no other connection (in this process or another) has the file open, the write-ahead log is
    /// folded into the file and removed: a closed store is the one `.sqlite` file.
    public func close() async {
        await backend.close()
    }

    func run<T>(_ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch is CancellationError {
            throw StoreError(.cancelled, "The operation on \(location) was cancelled before it finished.")
        } catch let error as BarCodec.UnrepresentableValue {
            throw StoreError(.unrepresentableValue, error.description, hint: "The store keeps prices exactly.")
        } catch {
            switch location {
            case .sqlite(let path): throw SQLiteBackend.map(error, path: path)
            case .postgres(let url): throw PostgresBackend.map(error, url: url)
            }
        }
    }

    /// ``run(_:)`` of a read whose result is checked (``StoredValue``) before it is handed out.
    func run<T>(
        _ body: () async throws -> T, checking check: (T) throws -> Void
    ) async throws(StoreError) -> T {
        try await run {
            let result = try await body()
            try check(result)
            return result
        }
    }

    /// The ranges of a series already fetched (including known-empty ones).
    public func coverage(_ key: SeriesKey) async throws(StoreError) -> Coverage {
        try await run({ try await backend.coverage(key) }, checking: { try StoredValue.check($0) })
    }

    /// The stored bars of a series whose start lies in `range`, as a table (oldest first).
    ///
    /// - Parameters:
    ///   - key: The series.
    ///   - range: The bar starts asked for, in whole seconds since 1970 UTC (``storableTimes`` for the whole series).
    ///   - limit: At most this many bars, the oldest in `range` (none when below 1); `nil` for all of them. A long
    ///     series is read page by page this way with bounded memory: the next page starts one second after the last
    ///     bar of the previous one.
    public func table(_ key: SeriesKey, in range: TimeRange, limit: Int? = nil) async throws(StoreError) -> PriceTable {
        // The backends check each bar's time and values as they read them.
        let (rows, instrumentType) = try await run { try await backend.rows(key, in: range, limit: limit) }
        return PriceTable(
            rows: rows, epic: key.epic, resolution: key.resolution,
            instrumentType: instrumentType.map { InstrumentType(rawValue: $0) })
    }

    /// The times the store holds: bar starts and ranges from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. A commit
    /// of anything outside is refused (``StoreError/Code/unrepresentableValue``); a cache clamps its requests to it.
    public static let storableTimes = TimeRange(
        start: StoredValue.seconds.lowerBound, end: StoredValue.seconds.upperBound)

    /// Stores bars, merges their range into the coverage, records the request in the ledger and, when `unit` is
    /// given, marks that shared work unit done: all or nothing.
    public func commit(
        _ batch: FetchedBars, completing unit: Int64? = nil, now: Date = Date()
    ) async throws(StoreError) {
        if let problem = StoredValue.unwritable(batch, now: now) {
            throw StoreError(
                .unrepresentableValue,
                "Not stored: \(problem) lies outside the years 1 to 9999, which the store holds.",
                hint: "IG's prices start long after the year 1: ask for a later range.")
        }
        try await run { try await backend.commit(batch, completing: unit, now: now) }
    }

    /// Ledger entries of an environment since a date, oldest first.
    public func ledger(environment: String, since: Date) async throws(StoreError) -> [LedgerEntry] {
        try await run(
            { try await backend.ledger(environment: environment, since: since) },
            checking: { try StoredValue.check($0) })
    }

    /// The environments whose ledger has entries since `since` (a ledger outlives the series it paid for), by name.
    public func ledgerEnvironments(since: Date) async throws(StoreError) -> [String] {
        try await run { try await backend.ledgerEnvironments(since: since) }
    }

    /// Per account: points spent since `since` and the last allowance IG reported.
    public func allowance(environment: String, since: Date) async throws(StoreError) -> [AllowanceStatus] {
        let entries = try await ledger(environment: environment, since: since)
        var byAccount: [String: AllowanceStatus] = [:]
        for entry in entries {
            var status =
                byAccount[entry.account]
                ?? AllowanceStatus(
                    account: entry.account, spent: 0, requests: 0, remaining: nil, total: nil, resetsAt: nil)
            status.spent += entry.points
            status.requests += 1
            if entry.remaining != nil {
                status.remaining = entry.remaining
                status.total = entry.total
                status.resetsAt = entry.resetsAt
            }
            byAccount[entry.account] = status
        }
        return byAccount.values.sorted { $0.account < $1.account }
    }

    /// Records the market details last seen for an epic.
    public func save(_ market: StoredMarket, environment: String) async throws(StoreError) {
        try await run { try await backend.save(market, environment: environment) }
    }

    /// The market details last seen for an epic.
    public func market(epic: String, environment: String) async throws(StoreError) -> StoredMarket? {
        try await run(
            { try await backend.market(epic: epic, environment: environment) },
            checking: { try StoredValue.check($0?.updatedAt, "updated_at", in: "markets") })
    }

    /// Every stored series (of one environment, or all), with bar counts and coverage.
    public func status(environment: String? = nil) async throws(StoreError) -> [SeriesStatus] {
        try await run({ try await backend.status(environment: environment) }, checking: { try StoredValue.check($0) })
    }

    // MARK: Shared work

    /// Queues units not queued yet, and failed ones again (asking for a range again retries it); returns how many
    /// were added or queued again.
    @discardableResult
    public func enqueue(_ units: [PlannedUnit]) async throws(StoreError) -> Int {
        try await run { try await backend.enqueue(units) }
    }

    /// Atomically claims the next free unit of an environment for `worker` until `expiry`; a unit whose claim has
    /// expired (its worker crashed) is taken over.
    public func claim(
        environment: String, worker: String, until expiry: Date, now: Date = Date()
    ) async throws(StoreError) -> WorkClaim? {
        // The backends check the unit before the claim commits: a damaged one is refused and stays unclaimed.
        try await run { try await backend.claim(environment: environment, worker: worker, until: expiry, now: now) }
    }

    /// Gives a claimed unit back to the queue.
    public func release(unit: Int64, worker: String) async throws(StoreError) {
        try await run { try await backend.release(unit: unit, worker: worker) }
    }

    /// Extends the claim `worker` holds on a unit until `expiry` (a worker that pauses, e.g. waiting for IG's
    /// per-minute allowance, keeps its unit). Returns false when the unit is no longer claimed by `worker`: its claim
    /// expired and another worker took it over, or it was released or completed.
    public func renew(unit: Int64, worker: String, until expiry: Date) async throws(StoreError) -> Bool {
        try await run { try await backend.renew(unit: unit, worker: worker, until: expiry) }
    }

    /// Marks a unit this worker claimed as failed, when IG refused it (an unknown epic, a resolution the market does
    /// not have): no worker claims it again, so it cannot hold up the rest of the queue. A plan that asks for the
    /// same range again (``enqueue(_:)``) queues it anew.
    public func fail(unit: Int64, worker: String) async throws(StoreError) {
        try await run { try await backend.fail(unit: unit, worker: worker) }
    }

    /// Pending, claimed, done and failed units of an environment.
    public func queue(environment: String) async throws(StoreError) -> QueueStatus {
        try await run { try await backend.queue(environment: environment) }
    }

    /// The shared work units that are not done, of one environment or all, in the order workers claim them: what an
    /// interrupted or stopped sync left, what workers hold now, and what IG refused.
    public func openUnits(environment: String? = nil) async throws(StoreError) -> [QueuedUnit] {
        try await run(
            { try await backend.openUnits(environment: environment) },
            checking: { units in
                for queued in units {
                    try StoredValue.check(queued.unit)
                    try StoredValue.check(queued.claimExpires, "claim_expires", in: "work_units")
                }
            })
    }
}
