public import Foundation
public import IGMarketData
public import IGModels
public import IGTrading

/// IG's historical prices through a store: a request is served from the store and only the missing sub-ranges are
/// fetched from IG (v3, paged), then recorded, so a repeated request spends no points and an overlapping one spends
/// exactly the points of its new bars.
///
/// Ranges are inclusive like IG's (`from` ≤ bar start ≤ `to`). The bar still forming at `now` (and anything after it)
/// is fetched from IG but never stored, so it is fetched again, final, on a later request.
///
/// IG's epics name one market whatever their letter case: an epic the store holds in another letter case (a series
/// or a recorded market of `cs.d.eurusd.today.ip` when `CS.D.EURUSD.TODAY.IP` is asked for) is served, fetched and
/// filed under the spelling the store holds (`MarketDataStore.spelling(of:environment:)`, `EpicSpellings`), so its
/// bars are paid for once and stay one series; the first spelling seen is the one sent to IG. The epic of a result's
/// table (``CachedPrices/table``) is the spelling used.
public struct PriceCache: Sendable {
    /// The store bars are served from and recorded into.
    public let store: MarketDataStore
    /// The client that fetches what the store lacks.
    public let client: IGClient
    /// The environment the series are filed under (default: the client's, `IGEnvironment.storeName`:
    /// `DEMO`, `LIVE`, or a server's URL).
    ///
    /// A simulator embedded on a port chosen afresh each run (`SimulatorConfiguration(port: 0)`) has a new URL each
    /// run, so its bars would be filed, and paid for, anew: pass `IGEnvironment.simulatorStoreName` (what
    /// `ig` uses for its embedded simulator) to keep one series across runs.
    public let environment: String
    /// Bars per page of IG's v3 price request (0: one unpaged answer per missing range). Each page is committed as
    /// it arrives, so an interruption loses at most one page.
    public var pageSize: Int
    /// Whether the bars of a missing range are built from stored finer bars (``BarAggregation``) instead of fetched,
    /// where the store covers them at a finer resolution whose bars nest in the requested ones: 0 points spent for
    /// those, and only the rest of the range is fetched (and paid). Off by default.
    ///
    /// A bar is built only when the finer series covers its whole period (ranges IG answered as empty count: a closed
    /// market gives no bar, as IG sends none); a bar covered in part is fetched whole. Each bar is built from the
    /// coarsest finer series covering it, so one request may use several (HOUR bars for one day, MINUTE bars for the
    /// next). The bar still forming is always fetched: its finer bars are not all settled, and none is stored.
    /// ``pointsToFetch(epic:resolution:from:to:now:)`` counts exactly the bars that are then fetched.
    ///
    /// Derived bars are served, never stored: the store keeps only what IG sent. In the simulator every resolution is
    /// the exact aggregate of the finer ones, so derived bars equal the fetched ones value for value. IG does not
    /// document how it builds coarser bars (where its day bars start, what its volume counts, whether an hour's high
    /// can come from a price no minute bar shows) and derived bars have not been compared with a real account's: on
    /// DEMO and LIVE they may differ from the bars IG would send.
    public var derivesCoarserBars: Bool
    /// Whether each request to IG is first checked against the allowance IG last reported as remaining (the
    /// client's own check: a range whose most bars exceed it is refused unsent). `false` sends every request and
    /// leaves the answer to IG, as `ig prices --force` does; the calendar's bound counts bars a closed market never
    /// has, so a request refused by the check may fit.
    public var checksAllowance: Bool

    /// A cache over `store` that fetches through `client`; series are filed under `environment` (default: the client's;
    /// for a simulator embedded on a port of its choosing, `IGEnvironment.simulatorStoreName`).
    public init(
        store: MarketDataStore, client: IGClient, environment: String? = nil, pageSize: Int = 0,
        derivesCoarserBars: Bool = false, checksAllowance: Bool = true
    ) {
        self.store = store
        self.client = client
        self.environment = environment ?? client.configuration.environment.storeName
        self.pageSize = pageSize
        self.derivesCoarserBars = derivesCoarserBars
        self.checksAllowance = checksAllowance
    }

    /// The bars of `epic` at `resolution` starting from `from` to `to` (inclusive), as IG would send them; `epic` in
    /// the letter case the store holds it in, when it holds it in another (the table's epic says which).
    public func table(
        epic: Epic, resolution: Resolution, from: Date, to: Date, now: Date = Date()
    ) async throws(PriceCacheError) -> CachedPrices {
        let epic = try await storedSpelling(of: epic)
        let key = SeriesKey(environment: environment, epic: epic, resolution: resolution)
        let (wanted, storable, settledEnd) = Self.ranges(resolution: resolution, from: from, to: to, now: now)
        var fetched = 0
        var points = 0
        var requests = 0
        var instrumentType: InstrumentType?
        var allowance: PriceAllowance?
        var derived: [PriceTable.Row] = []

        let coverage: Coverage
        do { coverage = try await store.coverage(key) } catch { throw .store(error) }
        // Each range the store lacks: what stored finer bars can build (with ``derivesCoarserBars``), the rest fetched.
        for piece in try await pieces(key, gaps: coverage.missing(in: storable)) {
            switch piece {
            case .derive(let source, let span):
                derived += try await derive(source, span, to: resolution)
            case .fetch(let gap):
                guard BarClock.barCount(in: gap, resolution) > 0 else {
                    // No bar can start in it (e.g. the seconds after `to`): covered without asking IG.
                    do { try await store.commit(FetchedBars(key: key, rows: [], covered: gap), now: now) } catch {
                        throw .store(error)
                    }
                    continue
                }
                let result = try await fetch(key, gap, now: now)
                fetched += result.bars
                points += result.bars
                requests += result.requests
                instrumentType = result.instrumentType ?? instrumentType
                allowance = result.allowance ?? allowance
            }
        }
        var table: PriceTable
        do { table = try await store.table(key, in: storable) } catch { throw .store(error) }
        let fromStore = table.rows.count - fetched
        if !derived.isEmpty { table.rows = (table.rows + derived).sorted { $0.time < $1.time } }
        // The bar still forming (and the future): asked of IG every time, never stored.
        if wanted.end > settledEnd, wanted.start <= TimeRange.seconds(now) {
            let live = TimeRange(start: max(settledEnd, wanted.start), end: wanted.end)
            do {
                let prices = try await client.prices.history(
                    epic: epic, resolution: resolution, from: live.startDate, to: to, pageSize: pageSize,
                    checkingAllowance: checksAllowance)
                requests += 1
                points += prices.bars.count
                fetched += prices.bars.count
                table.rows += prices.bars.map(PriceTable.Row.init).filter { live.contains(TimeRange.seconds($0.time)) }
                instrumentType = prices.instrumentType ?? instrumentType
                allowance = prices.allowance ?? allowance
                try await recordLedger(
                    key, range: live, points: prices.bars.count, allowance: prices.allowance, now: Date())
            } catch let error as IGError {
                throw .ig(error)
            } catch let error as StoreError {
                throw .store(error)
            } catch {
                throw .ig(IGError(code: .transport, operation: "GET /prices/{epic}", detail: "\(error)"))
            }
        }
        table.instrumentType = table.instrumentType ?? instrumentType
        table.allowance = allowance
        return CachedPrices(
            table: table, fromStore: max(0, fromStore), fetched: fetched, pointsSpent: points, requests: requests,
            derived: derived.count)
    }

    /// The ranges of a request for bars from `from` to `to` (inclusive) at `now`: all it asks for, the part that can
    /// be stored (before the bar still forming), and where that bar starts.
    static func ranges(
        resolution: Resolution, from: Date, to: Date, now: Date
    ) -> (wanted: TimeRange, storable: TimeRange, settledEnd: Int64) {
        // Bars start at or after `from` and at or before `to`: the range ends where the next bar after `to` would.
        // Clamped to the years the store holds: no market has bars before the year 1 (`--to 0001-01-01 --max 1000`).
        let domain = MarketDataStore.storableTimes
        let last = min(max(TimeRange.seconds(to), domain.start), domain.end)
        let wanted = TimeRange(
            start: TimeRange.seconds(from),
            end: BarClock.next(after: BarClock.start(containing: last, resolution), resolution)
        ).clamped(to: domain)
        let settledEnd = BarClock.start(containing: TimeRange.seconds(now), resolution)
        return (wanted, wanted.clamped(to: TimeRange(start: wanted.start, end: settledEnd)), settledEnd)
    }

    /// Fetches one missing range page by page, committing each page with the coverage it completes (the market's
    /// details first, when the store has none from the last day: ``rememberMarket(_:now:)``).
    func fetch(_ key: SeriesKey, _ gap: TimeRange, now: Date) async throws(PriceCacheError) -> FetchOutcome {
        var outcome = FetchOutcome()
        try await fetch(key, gap, now: now, into: &outcome)
        return outcome
    }

    /// ``fetch(_:_:now:)``, counting into `outcome` as pages are committed, so a caller still knows what was fetched
    /// when a later page fails or the task is cancelled.
    func fetch(
        _ key: SeriesKey, _ gap: TimeRange, now: Date, into outcome: inout FetchOutcome
    ) async throws(PriceCacheError) {
        try await rememberMarket(spelled: key.epic, now: now)
        var pages = client.prices.pages(
            epic: key.epic, resolution: key.resolution, from: gap.startDate,
            to: Date(timeIntervalSince1970: TimeInterval(gap.end - 1)), pageSize: pageSize,
            checkingAllowance: checksAllowance
        ).makeAsyncIterator()
        var coveredUpTo = gap.start
        while true {
            let page: IGClient.PricePage?
            do { page = try await pages.next() } catch { throw .ig(error) }
            guard let page else { break }
            outcome.requests += 1
            let account = await client.session.current?.accountId.rawValue ?? ""
            let rows = page.bars.map(PriceTable.Row.init).filter { gap.contains(TimeRange.seconds($0.time)) }
            let isLast = page.pageData.map { $0.pageNumber >= $0.totalPages } ?? true
            let end =
                isLast || rows.isEmpty
                ? (isLast ? gap.end : coveredUpTo)
                : BarClock.next(after: TimeRange.seconds(rows[rows.count - 1].time), key.resolution)
            let covered = TimeRange(start: coveredUpTo, end: min(end, gap.end))
            let entry = Self.ledgerEntry(
                key, range: gap, points: page.bars.count, allowance: page.allowance, account: account, now: Date())
            do {
                try await store.commit(
                    FetchedBars(
                        key: key, rows: rows, covered: covered, instrumentType: page.instrumentType, ledger: entry),
                    now: now)
            } catch {
                throw .store(error)
            }
            coveredUpTo = max(coveredUpTo, covered.end)
            outcome.bars += page.bars.count
            outcome.instrumentType = page.instrumentType ?? outcome.instrumentType
            outcome.allowance = page.allowance ?? outcome.allowance
        }
        if outcome.requests == 0 || coveredUpTo < gap.end {
            // No page at all (IG answered nothing): the range is known to be empty.
            do {
                try await store.commit(
                    FetchedBars(key: key, rows: [], covered: TimeRange(start: coveredUpTo, end: gap.end)), now: now)
            } catch {
                throw .store(error)
            }
        }
    }

    /// Records in the ledger a price request outside a commit of bars (the bar still forming, an allowance probe).
    func recordLedger(
        _ key: SeriesKey, range: TimeRange, points: Int, allowance: PriceAllowance?, now: Date
    ) async throws(StoreError) {
        let account = await client.session.current?.accountId.rawValue ?? ""
        let entry = Self.ledgerEntry(
            key, range: range, points: points, allowance: allowance, account: account, now: now)
        try await store.commit(FetchedBars(key: key, rows: [], covered: TimeRange(start: 0, end: 0), ledger: entry))
    }

    static func ledgerEntry(
        _ key: SeriesKey, range: TimeRange, points: Int, allowance: PriceAllowance?, account: String, now: Date
    ) -> LedgerEntry {
        LedgerEntry(
            at: now, account: account, epic: key.epic.rawValue, resolution: key.resolution.rawValue, range: range,
            points: points, remaining: allowance?.remainingAllowance, total: allowance?.totalAllowance,
            resetsAt: allowance.map { now.addingTimeInterval(TimeInterval($0.allowanceExpiry)) })
    }
}
