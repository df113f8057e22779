import Foundation
public import IGMarketData
public import IGModels

/// Coarser bars built from finer ones: each coarse bar opens with its first finer bar's open, closes with its last
/// one's close, has the highest high and the lowest low of each side (bid, ask, last traded), and the sum of their
/// volumes.
///
/// In the simulator every resolution is the exact aggregate of the finer ones, so derived bars equal the bars it
/// serves. IG does not document how it builds its coarser bars; see ``PriceCache/derivesCoarserBars`` for what this
/// means for real accounts.
public enum BarAggregation {
    /// The resolutions finer than `resolution` whose bars nest inside its bars (each finer bar lies in exactly one
    /// coarse bar), finest last: MINUTE bars nest in HOUR bars, MINUTE_3 bars do not nest in MINUTE_10 bars. Weeks
    /// (on Monday) and months (on the 1st) take day bars and anything finer.
    public static func finerResolutions(of resolution: Resolution) -> [Resolution] {
        Resolution.allCases.filter { finer in
            guard finer.seconds < resolution.seconds, finer != .week, finer != .month else { return false }
            switch resolution {
            case .week, .month: return 86_400 % finer.seconds == 0
            default: return resolution.seconds % finer.seconds == 0
            }
        }.sorted { $0.seconds > $1.seconds }
    }

    /// Where the finer bars of the coarse bars starting in `range` lie: from the first coarse start in `range` to the
    /// end of the last one (empty when no coarse bar starts in it).
    public static func span(of range: TimeRange, _ resolution: Resolution) -> TimeRange {
        var first = BarClock.start(containing: range.start, resolution)
        if first < range.start { first = BarClock.next(after: first, resolution) }
        guard first < range.end else { return TimeRange(start: range.start, end: range.start) }
        let last = BarClock.start(containing: range.end - 1, resolution)
        return TimeRange(start: first, end: BarClock.next(after: last, resolution))
    }

    /// The bars of `resolution` starting in `range` whose whole period `coverage` (a finer series' coverage)
    /// covers, as ranges of whole bars, oldest first: a coarse bar can be built from finer bars only where every second
    /// of it is covered. A covered range the market was closed in counts (it holds no bar, as IG sends none); a bar
    /// covered in part is left out.
    public static func wholeBars(
        of resolution: Resolution, coveredBy coverage: Coverage, in range: TimeRange
    ) -> [TimeRange] {
        let span = span(of: range, resolution)
        guard !span.isEmpty else { return [] }
        // The first covered range ending after the span starts (ranges are sorted and disjoint): found by halving.
        let ranges = coverage.ranges
        var (low, high) = (0, ranges.count)
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].end > span.start { high = middle } else { low = middle + 1 }
        }
        var result: [TimeRange] = []
        for covered in ranges[low...] {
            if covered.start >= span.end { break }
            let part = covered.clamped(to: span)
            // From the first bar starting in the part to the start of the bar it ends in (a bar ending with it ends
            // there): the bars inside it, whole.
            var first = BarClock.start(containing: part.start, resolution)
            if first < part.start { first = BarClock.next(after: first, resolution) }
            let end = BarClock.start(containing: part.end, resolution)
            if first < end { result.append(TimeRange(start: first, end: end)) }
        }
        return result
    }

    /// The bars of `resolution` that `rows` (finer bars, oldest first, all inside whole coarse bars) add up to,
    /// oldest first. A coarse bar exists only where at least one finer bar does, as IG sends no bar for a closed
    /// market.
    public static func aggregate(_ rows: [PriceTable.Row], to resolution: Resolution) -> [PriceTable.Row] {
        var result: [PriceTable.Row] = []
        var currentStart: Int64?
        for row in rows {
            let start = BarClock.start(containing: TimeRange.seconds(row.time), resolution)
            if start == currentStart, let index = result.indices.last {
                result[index] = merge(result[index], row)
            } else {
                var first = row
                first.time = Date(timeIntervalSince1970: TimeInterval(start))
                result.append(first)
                currentStart = start
            }
        }
        return result
    }

    /// `bar` extended by the next finer bar `next`.
    static func merge(_ bar: PriceTable.Row, _ next: PriceTable.Row) -> PriceTable.Row {
        var merged = bar
        merged.bid = merge(bar.bid, next.bid)
        merged.ask = merge(bar.ask, next.ask)
        merged.lastTraded = merge(bar.lastTraded, next.lastTraded)
        switch (bar.volume, next.volume) {
        case (let volume?, let more?): merged.volume = volume + more
        case (nil, let more?): merged.volume = more
        default: break
        }
        return merged
    }

    static func merge(_ side: PriceTable.OHLC, _ next: PriceTable.OHLC) -> PriceTable.OHLC {
        PriceTable.OHLC(
            open: side.open ?? next.open,
            high: extreme(side.high, next.high, >),
            low: extreme(side.low, next.low, <),
            close: next.close ?? side.close)
    }

    static func extreme(_ lhs: Decimal?, _ rhs: Decimal?, _ better: (Decimal, Decimal) -> Bool) -> Decimal? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return better(rhs, lhs) ? rhs : lhs
    }
}
