public import Foundation
import IGMarketData
public import IGModels
import IGTrading

extension PriceCache {
    /// The most historical points ``table(epic:resolution:from:to:now:)`` can spend on this request: one per bar that
    /// can start in the ranges the store does not cover, and in the bar still forming (fetched every time). 0 when the
    /// store covers the whole range with settled bars. An epic the store holds in another letter case is counted as
    /// the series it holds, as `table` serves it.
    ///
    /// An upper bound, like IG's own: weekends and closed hours make the real cost lower. With ``derivesCoarserBars``,
    /// the bars the store can build from finer ones cost nothing and only the rest of a missing range is counted (the
    /// bars `table` then fetches); the bar still forming is always counted, as finer bars never cover it whole.
    public func pointsToFetch(
        epic: Epic, resolution: Resolution, from: Date, to: Date, now: Date = Date()
    ) async throws(PriceCacheError) -> Int {
        let epic = try await storedSpelling(of: epic)
        let key = SeriesKey(environment: environment, epic: epic, resolution: resolution)
        let (wanted, storable, settledEnd) = Self.ranges(resolution: resolution, from: from, to: to, now: now)
        let coverage: Coverage
        do { coverage = try await store.coverage(key) } catch { throw .store(error) }
        var points = 0
        // The pieces `table` fetches (bars built from finer stored ones cost nothing).
        for case .fetch(let gap) in try await pieces(key, gaps: coverage.missing(in: storable)) {
            points += BarClock.barCount(in: gap, resolution)
        }
        if wanted.end > settledEnd, wanted.start <= TimeRange.seconds(now) {
            points += BarClock.barCount(
                in: TimeRange(start: max(settledEnd, wanted.start), end: wanted.end), resolution)
        }
        return points
    }

    /// The last bar of `epic` at `resolution`, asked of IG to learn the historical allowance it reports now (one
    /// point, recorded in the ledger like every price request). A figure the store holds may be stale: the week may
    /// have reset, or the account spent elsewhere. An epic the store holds in another letter case is asked for in
    /// the spelling the store holds.
    public func probeAllowance(
        epic: Epic, resolution: Resolution, now: Date = Date()
    ) async throws(PriceCacheError) -> HistoricalPrices {
        let epic = try await storedSpelling(of: epic)
        let prices: HistoricalPrices
        do {
            prices = try await client.prices.history(epic: epic, resolution: resolution, max: 1)
        } catch {
            throw .ig(error)
        }
        let range = prices.bars.first.map {
            let start = TimeRange.seconds($0.time)
            return TimeRange(start: start, end: BarClock.next(after: start, resolution))
        }
        do {
            try await recordLedger(
                SeriesKey(environment: environment, epic: epic, resolution: resolution),
                range: range ?? TimeRange(start: 0, end: 0), points: prices.bars.count, allowance: prices.allowance,
                now: now)
        } catch {
            throw .store(error)
        }
        return prices
    }
}
