public import Foundation
import IGMarketData
public import IGModels
import IGTrading

extension PriceCache {
    /// The last `count` bars of `epic` at `resolution`, oldest first, as IG's `max` request returns them (the bar
    /// still forming last, while the market is open).
    ///
    /// When the store covers the series up to a recent time (fewer than `count` bars before the bar still forming)
    /// and holds enough bars before it, only the bars since then are fetched
    /// (``table(epic:resolution:from:to:now:)``) and the older ones are read from the store: a repeated request
    /// spends the points of the new bars and of the bar still forming. Otherwise IG is asked for the last `count`
    /// bars, as without a store, and the settled ones are stored with the range they complete (from the first of them
    /// to the bar still forming: they are the latest, so no other bar starts there), so the next request is served
    /// from the store. Only when the market was closed for part of the time since the covered range (fewer new bars
    /// than the clock allows) can a request spend both. An epic the store holds in another letter case is served as
    /// the series it holds (the table's epic says which).
    public func latest(
        epic: Epic, resolution: Resolution, count: Int, now: Date = Date()
    ) async throws(PriceCacheError) -> CachedPrices {
        let epic = try await storedSpelling(of: epic)
        let key = SeriesKey(environment: environment, epic: epic, resolution: resolution)
        guard count > 0 else {
            return CachedPrices(
                table: PriceTable(rows: [], epic: epic, resolution: resolution), fromStore: 0, fetched: 0,
                pointsSpent: 0, requests: 0)
        }
        let settledEnd = BarClock.start(containing: TimeRange.seconds(now), resolution)
        var spent = (points: 0, fetched: 0, requests: 0)
        if let (tail, earlier) = try await storedTail(key, count: count, settledEnd: settledEnd) {
            var recent = try await table(epic: epic, resolution: resolution, from: tail.endDate, to: now, now: now)
            spent = (recent.pointsSpent, recent.fetched, recent.requests)
            if earlier.count + recent.table.rows.count >= count {
                recent.table.rows = Array((earlier + recent.table.rows).suffix(count))
                recent.fromStore = max(0, recent.table.rows.count - recent.fetched - recent.derived)
                return recent
            }
        }
        var result = try await fetchLatest(key, count: count, settledEnd: settledEnd)
        result.pointsSpent += spent.points
        result.fetched += spent.fetched
        result.requests += spent.requests
        return result
    }

    /// The most historical points ``latest(epic:resolution:count:now:)`` is expected to spend: those of the bars since
    /// the store's covered range (``pointsToFetch(epic:resolution:from:to:now:)`` from its end to `now`) when `latest`
    /// serves the older bars from the store, else `count`.
    ///
    /// An upper bound in all but one case, which `latest` describes: when the market was closed for part of the time
    /// since the covered range, IG is then also asked for the last `count` bars.
    public func pointsToFetchLatest(
        epic: Epic, resolution: Resolution, count: Int, now: Date = Date()
    ) async throws(PriceCacheError) -> Int {
        guard count > 0 else { return 0 }
        let epic = try await storedSpelling(of: epic)
        let key = SeriesKey(environment: environment, epic: epic, resolution: resolution)
        let settledEnd = BarClock.start(containing: TimeRange.seconds(now), resolution)
        guard let (tail, _) = try await storedTail(key, count: count, settledEnd: settledEnd) else { return count }
        return try await pointsToFetch(epic: epic, resolution: resolution, from: tail.endDate, to: now, now: now)
    }

    /// The store's last covered range of `key` and its last stored bars, when `latest` serves the older bars from
    /// there: the range ends before the bar still forming (`settledEnd`), fewer than `count` bars can start between
    /// its end and now, and with those it holds at least `count` bars. Nil when IG is asked for the last `count` bars.
    private func storedTail(
        _ key: SeriesKey, count: Int, settledEnd: Int64
    ) async throws(PriceCacheError) -> (tail: TimeRange, earlier: [PriceTable.Row])? {
        let coverage: Coverage
        do { coverage = try await store.coverage(key) } catch { throw .store(error) }
        guard let tail = coverage.ranges.last, tail.end <= settledEnd else { return nil }
        // At most this many bars can start between the covered range and now (the one still forming included).
        let possible = BarClock.barCount(in: TimeRange(start: tail.end, end: settledEnd), key.resolution) + 1
        guard possible <= count else { return nil }
        let earlier = try await storedBars(key, before: tail, count: count)
        return earlier.count + possible >= count ? (tail, earlier) : nil
    }

    /// The last `count` stored bars of `key` that start in `tail` (a covered range), oldest first: fewer when the
    /// range holds fewer. Reads a window back from the range's end, doubling it until it holds enough.
    private func storedBars(
        _ key: SeriesKey, before tail: TimeRange, count: Int
    ) async throws(PriceCacheError) -> [PriceTable.Row] {
        guard count > 0 else { return [] }
        let (first, tooFar) = Int64(count).multipliedReportingOverflow(by: Int64(key.resolution.seconds))
        var span = tooFar ? Int64.max : first
        while true {
            let (reach, overflow) = tail.end.subtractingReportingOverflow(span)
            let start = overflow ? tail.start : max(tail.start, reach)
            let rows: [PriceTable.Row]
            do { rows = try await store.table(key, in: TimeRange(start: start, end: tail.end)).rows } catch {
                throw .store(error)
            }
            if rows.count >= count || start == tail.start { return Array(rows.suffix(count)) }
            span = span.multipliedReportingOverflow(by: 2).overflow ? .max : span * 2
        }
    }

    /// Asks IG for the last `count` bars (`max`), stores the settled ones with the range from the first of them to
    /// `settledEnd`, and records the request in the ledger.
    private func fetchLatest(
        _ key: SeriesKey, count: Int, settledEnd: Int64
    ) async throws(PriceCacheError) -> CachedPrices {
        try await rememberMarket(spelled: key.epic)
        let prices: HistoricalPrices
        do {
            prices = try await client.prices.history(
                epic: key.epic, resolution: key.resolution, max: count, pageSize: pageSize,
                checkingAllowance: checksAllowance)
        } catch {
            throw .ig(error)
        }
        let rows = prices.bars.map(PriceTable.Row.init).sorted { $0.time < $1.time }
        let settled = rows.filter { TimeRange.seconds($0.time) < settledEnd }
        let account = await client.session.current?.accountId.rawValue ?? ""
        let requested = TimeRange(
            start: rows.first.map { TimeRange.seconds($0.time) } ?? settledEnd,
            end: rows.last.map { BarClock.next(after: TimeRange.seconds($0.time), key.resolution) } ?? settledEnd)
        let entry = Self.ledgerEntry(
            key, range: requested, points: prices.bars.count, allowance: prices.allowance, account: account,
            now: Date())
        let covered = settled.first.map { TimeRange(start: TimeRange.seconds($0.time), end: settledEnd) }
        do {
            try await store.commit(
                FetchedBars(
                    key: key, rows: settled, covered: covered ?? TimeRange(start: 0, end: 0),
                    instrumentType: prices.instrumentType, ledger: entry))
        } catch {
            throw .store(error)
        }
        let table = PriceTable(
            rows: Array(rows.suffix(count)), epic: key.epic, resolution: key.resolution,
            instrumentType: prices.instrumentType, allowance: prices.allowance)
        return CachedPrices(
            table: table, fromStore: 0, fetched: prices.bars.count, pointsSpent: prices.bars.count, requests: 1)
    }
}
