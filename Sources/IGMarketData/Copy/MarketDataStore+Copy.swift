import Foundation
public import IGModels

extension MarketDataStore {
    /// Copies into this store the history `source` holds and this one lacks: bars with their coverage, the stream
    /// recorder's recordings, the market details and the allowance ledger. The points IG was paid for those bars are
    /// not spent again: a `PriceCache` over this store serves the copied ranges without asking IG.
    ///
    /// Per series (environment, epic and resolution, filed under the same names as in the source, except that an
    /// epic this store already holds in another letter case keeps this store's spelling: one market, one series):
    /// - what is copied is the source's coverage minus this store's, so bars this store already covers are neither
    ///   read nor written, and a repeated copy copies nothing;
    /// - each missing range is read from the source a page of `pageSize` bars at a time and each page is committed
    ///   with the part of the coverage it completes, in one transaction (``commit(_:completing:now:)``, as the price
    ///   cache commits IG's pages): a range is never covered here without its bars, and an interrupted copy resumes
    ///   where it stopped. Memory stays bounded by one page however long the series;
    /// - ranges IG answered as empty (weekends, closed markets) are copied as covered with no bars;
    /// - values are copied exactly: each bar reads back with the same `Decimal`s as from the source;
    /// - the series keeps the time the source last updated it (the later of the two when this store had it too), so
    ///   the planner's "least recently updated first" does not take a copied series for a fresh one.
    ///
    /// Per recorded stream (ticks, PRICE updates, an account's ACCOUNT and TRADE updates, candle streams), the result
    /// is what one store would hold had both recorders written into it, as two recorders on one PostgreSQL do:
    /// - **Spans** (stretches recorded without loss) are the union of both stores' spans. A span of the source that
    ///   this store's spans do not cover is copied with the rows of the parts they do not cover; the rows are read a
    ///   page of `pageSize` at a time, and each page is committed with the span as far as its rows are here, so an
    ///   interrupted copy never leaves a span claiming a row that is not here, and a copy run again goes on from
    ///   there. Rows are written idempotently on their keys (as the recorder writes them), so a row this store
    ///   already holds is not added twice. A candle stream's span is copied after its bars.
    /// - **Gaps** (stretches in which updates may have been lost): the source's gaps this store does not hold are
    ///   added, except one that the spans of the two stores cover entirely: the other recorder saw that stretch
    ///   without loss, so it is no gap. A gap of this store is left as it is; where a copied span covers it,
    ///   ``recordingCoverage(_:in:)`` reads it as recorded (a gap that a span covers is not one), as for two
    ///   recorders. Each gap keeps its reason and the time it was recorded.
    /// - Rows outside every span of the source (the recorder writes none) are not copied.
    ///
    /// Besides:
    /// - **Market details**: an epic's details are copied when this store has none for it in that environment, or
    ///   older ones (by the time they were stored); newer details here are kept.
    /// - **Allowance ledger**: the source's entries this store does not hold yet (same time, account, request,
    ///   points and allowance), so that `ig history status` here shows what each account spent this week. A repeated
    ///   copy adds none; copying the other way round adds none of the copied entries back. With `epics` or
    ///   `resolutions`, only the entries of those requests are copied. The entries are matched and added in one
    ///   transaction that other copies into this store wait for, so two copies at once add each entry once.
    /// - **Not copied**: the shared queue of work units.
    ///
    /// Filters: `environment` applies to everything. `epics` choose series, recordings of those markets, market
    /// details and ledger entries; an account's streams are filed under its account id in place of an epic, and are
    /// copied when no epic is given or when the account id is given as one. `resolutions` choose series, and candle
    /// streams by the resolution of their bars; ticks, PRICE and account updates have no resolution and are left out
    /// when resolutions are given.
    ///
    /// The source is only read. Open it with `readOnly: true` (``open(_:logger:creating:readOnly:)``), which creates
    /// nothing and does not write to an SQLite store of this schema version; a store written by an older swift-ig is
    /// still migrated on open (its rows unchanged), as by every command that reads a store, and one written by a
    /// newer swift-ig is refused when opened.
    ///
    /// ```swift
    /// let laptop = try await MarketDataStore.open(.sqlite(path: "market-data.sqlite"), readOnly: true)
    /// let team = try await MarketDataStore.open(try StoreLocation(parsing: "postgres://ig@db:5432/ig"))
    /// let report = try await team.copy(from: laptop)
    /// print(report.bars)   // 0 when copied again
    /// ```
    ///
    /// - Parameters:
    ///   - source: The store to copy from; never written to.
    ///   - environment: Only this environment, by the name the source files it under (`DEMO`, `LIVE`, `SIMULATOR`
    ///     or a server URL); `nil` for every one.
    ///   - epics: Only these epics, in any letter case; empty for every one.
    ///   - resolutions: Only these resolutions; empty for every one.
    ///   - dryRun: Plan only: the report says what would be copied and nothing is written.
    ///   - pageSize: Bars, or recorded rows, read from the source and committed here per transaction (at least 1).
    ///   - progress: Told after each page written.
    /// - Returns: What was copied (for a dry run, what would be), per series and recorded stream of the source the
    ///   filters chose.
    /// - Throws: ``StoreError`` of code ``StoreError/Code/sameStore`` when `source` is this store (under any
    ///   spelling of its path or URL); other codes when either store fails. What was committed before a failure
    ///   stays, each page whole, and a copy run again goes on from there.
    public func copy(
        from source: MarketDataStore, environment: String? = nil, epics: [Epic] = [], resolutions: [Resolution] = [],
        dryRun: Bool = false, pageSize: Int = defaultPageSize,
        progress: @Sendable (StoreCopyProgress) -> Void = { _ in }
    ) async throws(StoreError) -> StoreCopyReport {
        if source === self || location.isSameStore(as: source.location) {
            throw StoreError(
                .sameStore, "\(source.location) and \(location) are the same store: there is nothing to copy.",
                hint: "Give the store to copy from and a different one to copy into.")
        }
        let filter = CopyFilter(epics: epics, resolutions: resolutions)
        // Every epic goes where this store already files it, whatever its letter case.
        var spellings = try await EpicSpellings(of: self, environment: environment)
        var held: [SeriesKey: SeriesStatus] = [:]
        for status in try await status(environment: environment) { held[status.key] = status }
        // The plan: per series, the source's coverage that this store lacks, and the bars in it.
        var series: [StoreCopyReport.Series] = []
        var stamps: [SeriesKey: Date] = [:]
        for status in try await source.status(environment: environment) where filter.admits(status.key) {
            let key = spellings.file(status.key)
            let ours = held[key]
            let missing = status.coverage.ranges.flatMap { (ours?.coverage ?? Coverage()).missing(in: $0) }
            var bars = 0
            for range in missing {
                bars += try await source.run { try await source.backend.barCount(status.key, in: range) }
            }
            series.append(
                StoreCopyReport.Series(
                    key: status.key, filedAs: key, ranges: missing, bars: bars, sourceBars: status.bars))
            // The series was last updated when the source updated it (or this store, when later): a copy is not news.
            stamps[status.key] = [status.updatedAt, ours?.updatedAt].compactMap { $0 }.max() ?? Date()
        }
        // The recordings: per stream, the spans, rows and gaps this store lacks. Candle streams come after their bars.
        var recordings: [RecordedStreamCopy] = []
        for recording in try await source.recordings(environment: environment) where filter.admits(recording.stream) {
            let stream = recording.stream
            guard RecordedRows(stream) != nil || stream.candleResolution != nil else { continue }
            recordings.append(try await planCopy(of: stream, from: source, as: spellings.file(stream)))
        }
        var environments = environment.map { [$0] } ?? []
        if environment == nil { environments = try await source.run { try await source.backend.environments() } }
        var markets: [(environment: String, market: StoredMarket)] = []
        var ledger: [(environment: String, entries: [LedgerEntry])] = []
        for name in environments {
            for market in try await marketsToCopy(from: source, environment: name, filter: filter, as: &spellings) {
                markets.append((name, market))
            }
            let entries = try await ledgerToCopy(from: source, environment: name, filter: filter)
            if !entries.isEmpty { ledger.append((name, entries)) }
        }
        let report = StoreCopyReport(
            series: series, recordings: recordings.map { $0.report(rows: $0.plannedRows) },
            ledgerEntries: ledger.reduce(0) { $0 + $1.entries.count }, markets: markets.count, dryRun: dryRun)
        guard !dryRun else { return report }

        // Market details first: a replay or a cache reading the copied bars finds the details of their time.
        for (name, market) in markets { try await save(market, environment: name) }
        let planned = series.filter { !$0.isCovered }
        var copied: [SeriesKey: Int] = [:]
        var state = StoreCopyProgress(
            series: nil, seriesDone: 0, seriesPlanned: planned.count, bars: 0, barsPlanned: report.bars,
            rowsPlanned: recordings.reduce(0) { $0 + $1.plannedRows })
        for item in planned {
            state.series = item.key
            for range in item.ranges {
                copied[item.key, default: 0] += try await copyRange(
                    item.key, range, from: source, into: item.filedAs, pageSize: max(1, pageSize),
                    updatedAt: stamps[item.key] ?? Date()
                ) { written in
                    state.bars += written
                    state.barsPlanned = max(state.barsPlanned, state.bars)
                    progress(state)
                }
            }
            state.seriesDone += 1
            progress(state)
        }
        // Then the recordings, candle streams included (their bars are here now), each span after its rows.
        state.series = nil
        var rows: [RecordedStream: Int] = [:]
        for plan in recordings where !plan.spans.isEmpty || !plan.gaps.isEmpty {
            state.stream = plan.source
            rows[plan.source] = try await copy(plan, from: source, pageSize: max(1, pageSize)) { read in
                state.rows += read
                state.rowsPlanned = max(state.rowsPlanned, state.rows)
                progress(state)
            }
        }
        var added = 0
        for (name, entries) in ledger {
            added += try await run { try await backend.appendLedger(entries, environment: name) }
        }
        var done = report
        done.dryRun = false
        done.ledgerEntries = added
        for index in done.series.indices { done.series[index].bars = copied[done.series[index].key] ?? 0 }
        done.recordings = recordings.map { $0.report(rows: rows[$0.source] ?? 0) }
        return done
    }

    /// Copies the bars of one range of `key` from `source`, a page at a time, each page committed with the coverage
    /// it completes; the last commit covers the rest of the range. The series here is marked updated at `updatedAt`.
    /// Returns the bars written.
    private func copyRange(
        _ key: SeriesKey, _ range: TimeRange, from source: MarketDataStore, into filedAs: SeriesKey, pageSize: Int,
        updatedAt: Date, written: (Int) -> Void
    ) async throws(StoreError) -> Int {
        var start = range.start
        var count = 0
        while start < range.end {
            let page = try await source.table(key, in: TimeRange(start: start, end: range.end), limit: pageSize)
            // A full page may be followed by more bars: it covers up to its last bar (bars start on whole seconds).
            let end =
                page.rows.count == pageSize
                ? min(range.end, TimeRange.seconds(page.rows[page.rows.count - 1].time) + 1) : range.end
            try await commit(
                FetchedBars(
                    key: filedAs, rows: page.rows, covered: TimeRange(start: start, end: end),
                    instrumentType: page.instrumentType), now: updatedAt)
            count += page.rows.count
            written(page.rows.count)
            start = end
        }
        return count
    }

    /// The market details of `environment` in `source` that this store lacks or holds from an earlier time.
    /// Each is filed under the epic's spelling here.
    private func marketsToCopy(
        from source: MarketDataStore, environment: String, filter: CopyFilter, as spellings: inout EpicSpellings
    ) async throws(StoreError) -> [StoredMarket] {
        var result: [StoredMarket] = []
        for epic in try await source.run({ try await source.backend.marketEpics(environment: environment) })
        where filter.admits(epic: epic) {
            guard var theirs = try await source.market(epic: epic, environment: environment) else { continue }
            theirs.epic = spellings.file(Epic(rawValue: epic), environment: environment).rawValue
            if let ours = try await market(epic: theirs.epic, environment: environment),
                ours.updatedAt >= theirs.updatedAt
            {
                continue
            }
            result.append(theirs)
        }
        return result
    }

    /// The ledger entries of `environment` in `source` that this store does not hold: each entry of the source is
    /// matched with an equal one here at most once, so two equal requests (the same second) are both copied once.
    private func ledgerToCopy(
        from source: MarketDataStore, environment: String, filter: CopyFilter
    ) async throws(StoreError) -> [LedgerEntry] {
        let theirs = try await source.ledger(environment: environment, since: .distantPast).filter {
            filter.admits(epic: $0.epic) && filter.admits(resolution: $0.resolution)
        }
        guard !theirs.isEmpty else { return [] }
        return LedgerEntry.missing(theirs, from: try await ledger(environment: environment, since: .distantPast))
    }
}
