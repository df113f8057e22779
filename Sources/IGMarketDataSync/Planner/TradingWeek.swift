public import IGMarketData
public import IGModels

/// The days a market has bars on, to estimate what a plan will really cost (a plan's ``BackfillPlan/points`` counts
/// every possible bar start, weekends included, and stays the upper bound).
///
/// IG's FX, index and commodity markets close from Friday night to Sunday night and send no bars then; crypto and
/// IG's weekend markets trade every day. The simulator's markets have no bars on Saturdays and Sundays (UTC) except
/// its cryptocurrencies. IG's market details do not say whether a market trades at weekends (their `openingHours`
/// are daily times), so ``observed(in:environment:epic:)`` reads it from the bars already stored.
public enum TradingWeek: Sendable, Hashable, CustomStringConvertible {
    /// Bars every day of the week.
    case allWeek
    /// Bars Monday to Friday (UTC days) only.
    case weekdays

    /// `all week` or `weekdays`.
    public var description: String { self == .allWeek ? "all week" : "weekdays" }

    /// Bar starts of `resolution` in `range` on the market's trading days. Weekly and monthly bars are counted as
    /// in `BarClock.barCount(in:_:)` (every week and month has trading days).
    public func barCount(in range: TimeRange, _ resolution: Resolution) -> Int {
        guard self == .weekdays, !range.isEmpty, resolution != .week, resolution != .month else {
            return BarClock.barCount(in: range, resolution)
        }
        var count = 0
        var day = BarClockGrid.floor(range.start, 86_400) / 86_400
        while day * 86_400 < range.end {
            // 1970-01-01 was a Thursday: Monday-based weekday is (day + 3) mod 7; 5 and 6 are Saturday and Sunday.
            let weekday = ((day + 3) % 7 + 7) % 7
            if weekday < 5 {
                let slice = range.clamped(to: TimeRange(start: day * 86_400, end: (day + 1) * 86_400))
                count += BarClock.barCount(in: slice, resolution)
            }
            day += 1
        }
        return count
    }

    /// What the store shows of `epic` in `environment`: ``allWeek`` when a fetched weekend (Saturday and Sunday, UTC)
    /// holds more than half its possible bars, ``weekdays`` when one holds fewer (empty, or IG's Sunday-evening FX
    /// bars), nil when no fetched range covers a whole weekend.
    public static func observed(
        in store: MarketDataStore, environment: String, epic: Epic
    ) async throws(StoreError) -> TradingWeek? {
        var empty = false
        for status in try await store.status(environment: environment) where status.key.epic == epic {
            for range in status.coverage.ranges {
                // The first Saturday 00:00 to Monday 00:00 (UTC) the range covers, if any: one tells enough.
                var saturday = BarClockGrid.floor(range.start, 86_400) / 86_400
                saturday += (5 - ((saturday + 3) % 7 + 7) % 7 + 7) % 7
                if saturday * 86_400 < range.start { saturday += 7 }
                let weekend = TimeRange(start: saturday * 86_400, end: (saturday + 2) * 86_400)
                guard weekend.end <= range.end else { continue }
                // IG's FX markets open on Sunday evening (UTC): a few weekend bars do not make a weekend market.
                let bars = try await store.table(status.key, in: weekend).rows.count
                if bars * 2 > BarClock.barCount(in: weekend, status.key.resolution) { return .allWeek }
                empty = true
            }
        }
        return empty ? .weekdays : nil
    }
}
