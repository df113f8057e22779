import Foundation
import IGModels

/// What a storage engine provides; ``MarketDataStore`` holds one. Both engines keep the same schema
/// (``StoreSchema``) and behave the same; errors they throw are mapped to ``StoreError`` by the store.
protocol StoreBackend: Sendable {
    func coverage(_ key: SeriesKey) async throws -> Coverage
    /// Stored bars of a series whose start lies in `range`, oldest first (the first `limit` of them when a limit is
    /// given, none when it is below 1), and the series' instrument type.
    func rows(
        _ key: SeriesKey, in range: TimeRange, limit: Int?
    ) async throws -> (rows: [PriceTable.Row], instrumentType: String?)
    /// Writes bars, merges their range into the coverage, records the ledger entry and (when given) marks a work
    /// unit done: all in one transaction.
    func commit(_ batch: FetchedBars, completing unit: Int64?, now: Date) async throws
    func ledger(environment: String, since: Date) async throws -> [LedgerEntry]
    /// The environments with ledger entries since `since`, by name.
    func ledgerEnvironments(since: Date) async throws -> [String]
    func save(_ market: StoredMarket, environment: String) async throws
    func market(epic: String, environment: String) async throws -> StoredMarket?
    func status(environment: String?) async throws -> [SeriesStatus]
    /// The epics filed under `environment` (nil: every environment): of series, first created first, and of recorded
    /// streams (account streams included), by environment and epic.
    func heldEpics(
        environment: String?
    ) async throws -> (series: [(environment: String, epic: String)], recorded: [RecordedStream])
    /// Adds units that are not queued yet (same series and range) and queues failed ones again; returns how many
    /// were added or queued again.
    func enqueue(_ units: [PlannedUnit]) async throws -> Int
    /// Claims the first pending unit (lowest priority value) whose claim is free, expired or held by `worker` itself.
    func claim(environment: String, worker: String, until expiry: Date, now: Date) async throws -> WorkClaim?
    /// Gives a claimed unit back (pending again), e.g. after a failed fetch.
    func release(unit: Int64, worker: String) async throws
    /// Moves the expiry of a unit `worker` holds to `expiry`; false when the unit is no longer claimed by it.
    func renew(unit: Int64, worker: String, until expiry: Date) async throws -> Bool
    /// Marks a claimed unit failed: IG refused it, so no worker claims it again until a plan queues it anew.
    func fail(unit: Int64, worker: String) async throws
    /// Units not done yet, per state.
    func queue(environment: String) async throws -> QueueStatus
    /// The units not done (pending, claimed or failed), of one environment or all, in claiming order.
    func openUnits(environment: String?) async throws -> [QueuedUnit]
    /// Deletes the units of an environment (or of one series) that wait, were refused, or whose claim ran out;
    /// returns how many.
    func dropQueued(environment: String, key: SeriesKey?, now: Date) async throws -> Int
    /// Removes a series (bars, coverage, queued work units) in one transaction; nothing when it is not stored.
    func forget(_ key: SeriesKey) async throws -> ForgetSummary
    /// Removes everything of an environment (series, recordings, ledger, markets, the environment) in one
    /// transaction; nothing when it is not stored.
    func forget(environment: String) async throws -> ForgetSummary
    /// Returns once what was committed is in the database itself (SQLite: copied out of the write-ahead log).
    func settle() async
    func close() async

    // MARK: Copying between stores (see `MarketDataStore+Copy`)

    /// Every environment the store names, by name.
    func environments() async throws -> [String]
    /// The epics with stored market details in `environment`, in order.
    func marketEpics(environment: String) async throws -> [String]
    /// How many stored bars of a series start in `range`.
    func barCount(_ key: SeriesKey, in range: TimeRange) async throws -> Int
    /// Adds to `environment` (created when missing) the entries it does not hold yet, matched entry for entry
    /// (``LedgerEntry/missing(_:from:)``), in one transaction that no other copy into the store interleaves with, without
    /// touching any series; returns how many were added.
    func appendLedger(_ entries: [LedgerEntry], environment: String) async throws -> Int
    /// How many rows of a recorded stream have a time in `[from, to)` (ms).
    func recordedRowCount(_ rows: RecordedRows, environment: String, from: Int64, to: Int64) async throws -> Int
    /// Up to `limit` rows of a recorded stream, in (time, sequence) order, from `start` on and before `to` (ms), as a
    /// batch of `environment`.
    func recordedRows(
        _ rows: RecordedRows, environment: String, from start: RecordedRowPosition, to: Int64, limit: Int
    ) async throws -> RecordingBatch
    /// The gaps of one stream with the time each was recorded, oldest first.
    func gapRecords(_ stream: RecordedStream) async throws -> [GapRecord]

    // MARK: Recordings (see `MarketDataStore+Recording`)

    /// Writes ticks, PRICE and account updates, spans and gaps in one transaction, idempotently (completed candles go
    /// through ``commit``); returns the rows added when `copied` is given (the recorder does not ask and may get 0). A gap is
    /// recorded at `now`, or, for a copy from another store (`copied` given), at the time the other store recorded it
    /// (`copied[i]` for `batch.gaps[i]`).
    @discardableResult
    func record(_ batch: RecordingBatch, now: Date, copied: [Int64]?) async throws -> Int
    /// PRICE updates of an epic with a time in `[from, to)` (ms), oldest first.
    func prices(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedPrice]
    /// ACCOUNT/TRADE updates received in `[from, to)` (ms), oldest first.
    func accountUpdates(environment: String, from: Int64, to: Int64) async throws -> [RecordedAccountUpdate]
    /// Ticks of a market with `from <= time_ms < to`, oldest first.
    func ticks(environment: String, epic: String, from: Int64, to: Int64) async throws -> [RecordedTick]
    /// Spans of one stream that end at or after `from` and start before `to`, oldest first.
    func spans(_ stream: RecordedStream, from: Int64, to: Int64) async throws -> [RecordedSpan]
    /// Gaps of an environment (of one epic and stream when given) that end at or after `from` and start before `to`.
    func gaps(
        environment: String, epic: String?, stream: String?, from: Int64, to: Int64
    ) async throws
        -> [RecordedGap]
    /// Per stream of an environment: the end of its latest span (ms).
    func recordingEnds(environment: String) async throws -> [RecordedStream: Int64]
    /// Per recorded stream (of `environment` when given): first and latest update (ms), spans and gaps.
    func recordings(environment: String?) async throws -> [RecordingStatus]
    /// Per epic: the stored ticks of its latest millisecond.
    func latestTicks(environment: String, epics: [String]) async throws -> [String: [RecordedTick]]
}
