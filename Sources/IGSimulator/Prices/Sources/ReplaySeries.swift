import Foundation

/// The recorded bars of one market as the price path reads them: bid ticks, sorted, each bar placed at its last
/// second (a bar becomes known when it closes, so a replay never shows a price before its time).
///
/// Seconds without a bar are gaps: the market shows its last known price and reports no trading, as IG does when
/// no prices come. Nothing is interpolated.
struct ReplaySeries: Sendable {
    /// Bar length in seconds (60 for MINUTE).
    let barSeconds: Int64
    /// The second each bar closes in (start + length - 1), ascending.
    let closes: [Int64]
    /// The bars, in bid ticks, matching ``closes``.
    let bars: [TickBar]
    /// Offer minus bid in ticks (the median of the recorded spreads).
    let spreadTicks: Int64
    /// UTC days holding at least one bar.
    let days: Set<Int64>

    /// A series from bars of `barSeconds`, converted to ticks of 10^-`decimalPlaces`; nil when no bar is usable.
    init?(bars input: [ReplayBar], barSeconds: Int64, decimalPlaces: Int) {
        let scale = PriceProfile.powerOfTen(decimalPlaces)
        func ticks(_ value: Double) -> Int64? {
            let scaled = (value * scale).rounded()
            guard scaled.isFinite, abs(scaled) < 1e15 else { return nil }
            return Int64(scaled)
        }
        var rows = [(Int64, TickBar)]()
        var spreads = [Int64]()
        for bar in input {
            let start = bar.start.timeIntervalSince1970.rounded(.down)
            guard start.isFinite, abs(start) < 1e12, let open = ticks(bar.open), let high = ticks(bar.high),
                let low = ticks(bar.low), let close = ticks(bar.close), let spread = ticks(bar.spread)
            else { continue }
            let top = Swift.max(open, high, low, close)
            let bottom = Swift.min(open, high, low, close)
            rows.append(
                (
                    Int64(start) + barSeconds - 1,
                    TickBar(
                        open: open, high: top, low: bottom, close: close, volume: Int64(Swift.max(1, bar.volume)))
                ))
            spreads.append(Swift.max(0, spread))
        }
        guard !rows.isEmpty else { return nil }
        rows.sort { $0.0 < $1.0 }
        var closes = [Int64]()
        var bars = [TickBar]()
        for (second, bar) in rows where closes.last != second {
            closes.append(second)
            bars.append(bar)
        }
        spreads.sort()
        self.barSeconds = barSeconds
        self.closes = closes
        self.bars = bars
        self.spreadTicks = Swift.max(1, spreads[spreads.count / 2])
        self.days = Set(closes.map { CivilTime.floorDiv($0, CivilTime.secondsPerDay) })
    }

    /// Index of the first bar closing at or after `second`.
    private func lowerBound(_ second: Int64) -> Int {
        var low = 0
        var high = self.closes.count
        while low < high {
            let middle = (low + high) / 2
            if self.closes[middle] < second { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The bar closing in `second`, or nil.
    func bar(closingIn second: Int64) -> TickBar? {
        let index = self.lowerBound(second)
        return index < self.closes.count && self.closes[index] == second ? self.bars[index] : nil
    }

    /// The aggregate of the bars closing in `[start, end)`, or nil when there is none.
    func aggregate(from start: Int64, to end: Int64) -> TickBar? {
        guard end > start else { return nil }
        var index = self.lowerBound(start)
        var result: TickBar?
        while index < self.closes.count, self.closes[index] < end {
            result = result.map { $0.followed(by: self.bars[index]) } ?? self.bars[index]
            index += 1
        }
        return result
    }

    /// The close second of the last bar at or before `second`, or nil when the recording starts later.
    func lastClose(atOrBefore second: Int64) -> Int64? {
        let index = self.lowerBound(second + 1)
        return index > 0 ? self.closes[index - 1] : nil
    }

    /// True when a bar is in progress at `second` or closed within the last bar length (no gap there).
    func isTrading(at second: Int64) -> Bool {
        let index = self.lowerBound(second)
        guard index < self.closes.count else {
            return self.closes.last.map { second - $0 <= self.barSeconds } ?? false
        }
        let nextClose = self.closes[index]
        if nextClose - (self.barSeconds - 1) <= second { return true }
        return index > 0 && second - self.closes[index - 1] <= self.barSeconds
    }

    /// The first and last recorded instants: the first bar's start and the last bar's end.
    var span: (start: Int64, end: Int64) {
        ((self.closes.first ?? 0) - self.barSeconds + 1, (self.closes.last ?? 0) + 1)
    }
}
