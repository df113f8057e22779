import Foundation

/// The recorded prices of one market as the price path reads them: bid bars in ticks, sorted, each placed at its
/// last second (a bar becomes known when it closes, so a replay never shows a price before its time).
///
/// Bars come from recorded bars (MINUTE: one bar closing at second 59 of its minute) and from recorded ticks (one
/// bar of one second per second holding ticks: its first, highest, lowest and last bid). Where the tick recording
/// covers a whole minute without a gap its ticks replace the minute's bar; elsewhere the bar is kept and ticks of
/// that minute are dropped, so a minute is never counted twice.
///
/// Seconds without a bar are gaps: the market shows its last known price and reports no trading, as IG does when
/// no prices come. Nothing is interpolated. A live series (paper trading) grows as quotes arrive and trades from
/// its first quote on.
struct ReplaySeries: Sendable {
    /// Length in seconds of the recorded bars (60 for MINUTE); tick seconds are bars of one second.
    let barSeconds: Int64
    /// The second each bar closes in (start + length - 1), ascending.
    private(set) var closes: [Int64]
    /// The bars, in bid ticks, matching ``closes``.
    private(set) var bars: [TickBar]
    /// Offer minus bid in ticks at each bar's close, matching ``closes``.
    private(set) var spreads: [Int64]
    /// Offer minus bid in ticks (the median of the recorded spreads): the spread of a bar without its own.
    private(set) var spreadTicks: Int64
    /// UTC days holding at least one bar.
    private(set) var days: Set<Int64>
    /// Closes of the recorded bars of ``barSeconds`` (tick seconds aside), for the trading state around them.
    private let barCloses: [Int64]
    /// Seconds the tick recording covers (spans and gaps alike), sorted, disjoint: there the ticks say whether the
    /// market streamed.
    private let tickCoverage: [Range<Int64>]
    /// Seconds of the tick recording without loss (spans minus gaps), sorted, disjoint.
    private let tickWindows: [Range<Int64>]
    /// True for a live series: it trades from its first quote on.
    let isLive: Bool

    /// A series from bars of `barSeconds` and recorded ticks, converted to ticks of 10^-`decimalPlaces`; nil when no
    /// bar or tick is usable.
    init?(
        bars input: [ReplayBar], barSeconds: Int64, decimalPlaces: Int,
        ticks recording: ReplayTickRecording = ReplayTickRecording()
    ) {
        let scale = PriceProfile.powerOfTen(decimalPlaces)
        func ticks(_ value: Double) -> Int64? {
            let scaled = (value * scale).rounded()
            guard scaled.isFinite, abs(scaled) < 1e15 else { return nil }
            return Int64(scaled)
        }
        func seconds(_ interval: DateInterval) -> Range<Int64>? {
            let start = interval.start.timeIntervalSince1970.rounded(.down)
            let end = interval.end.timeIntervalSince1970.rounded(.up)
            guard start.isFinite, end.isFinite, abs(start) < 1e12, abs(end) < 1e12, end > start else { return nil }
            return Int64(start)..<Int64(end)
        }
        let windows = Self.subtract(
            Self.union(recording.spans.compactMap(seconds)), Self.union(recording.gaps.compactMap(seconds)))
        let coverage = Self.union(recording.spans.compactMap(seconds) + recording.gaps.compactMap(seconds))

        // Ticks → one bar per second.
        var tickRows = [Int64: (TickBar, Int64)]()
        for tick in recording.ticks.sorted(by: { $0.time < $1.time }) {
            let time = tick.time.timeIntervalSince1970.rounded(.down)
            guard time.isFinite, abs(time) < 1e12, let bid = ticks(tick.bid), let offer = ticks(tick.offer) else {
                continue
            }
            let second = Int64(time)
            let single = TickBar(open: bid, high: bid, low: bid, close: bid, volume: 1)
            let bar = tickRows[second].map { $0.0.followed(by: single) } ?? single
            tickRows[second] = (bar, Swift.max(0, offer - bid))
        }
        let tickMinutes = Set(tickRows.keys.map { CivilTime.floorDiv($0, 60) })
        func minuteIsTickCovered(_ minute: Int64) -> Bool {
            tickMinutes.contains(minute) && Self.contains(windows, minute * 60..<minute * 60 + 60)
        }

        var rows = [(Int64, TickBar, Int64)]()
        var barMinutes = Set<Int64>()
        var barCloses = [Int64]()
        for bar in input {
            let start = bar.start.timeIntervalSince1970.rounded(.down)
            guard start.isFinite, abs(start) < 1e12, let open = ticks(bar.open), let high = ticks(bar.high),
                let low = ticks(bar.low), let close = ticks(bar.close), let spread = ticks(bar.spread)
            else { continue }
            let first = Int64(start)
            let minutes = CivilTime.floorDiv(first, 60)...CivilTime.floorDiv(first + barSeconds - 1, 60)
            if barSeconds <= 60, minuteIsTickCovered(minutes.lowerBound) { continue }
            let top = Swift.max(open, high, low, close)
            let bottom = Swift.min(open, high, low, close)
            rows.append(
                (
                    first + barSeconds - 1,
                    TickBar(
                        open: open, high: top, low: bottom, close: close, volume: Int64(Swift.max(1, bar.volume))),
                    Swift.max(0, spread)
                ))
            barCloses.append(first + barSeconds - 1)
            for minute in minutes { barMinutes.insert(minute) }
        }
        for (second, row) in tickRows where !barMinutes.contains(CivilTime.floorDiv(second, 60)) {
            rows.append((second, row.0, row.1))
        }
        guard !rows.isEmpty else { return nil }
        rows.sort { $0.0 < $1.0 }
        var closes = [Int64]()
        var bars = [TickBar]()
        var spreads = [Int64]()
        for (second, bar, spread) in rows where closes.last != second {
            closes.append(second)
            bars.append(bar)
            spreads.append(spread)
        }
        self.barSeconds = barSeconds
        self.closes = closes
        self.bars = bars
        self.spreads = spreads
        self.spreadTicks = Swift.max(1, spreads.sorted()[spreads.count / 2])
        self.days = Set(closes.map { CivilTime.floorDiv($0, CivilTime.secondsPerDay) })
        self.barCloses = barCloses.sorted()
        self.tickCoverage = coverage
        self.tickWindows = windows
        self.isLive = false
    }

    /// An empty live series: quotes arrive with ``append(bid:offer:second:)``.
    init(live _: Void) {
        self.barSeconds = 1
        self.closes = []
        self.bars = []
        self.spreads = []
        self.spreadTicks = 1
        self.days = []
        self.barCloses = []
        self.tickCoverage = []
        self.tickWindows = []
        self.isLive = true
    }

    /// Adds a live quote (bid and offer in ticks) at `second`: it extends the bar of that second or starts the next
    /// one. A quote older than the last bar is folded into it (live quotes never rewrite the past).
    mutating func append(bid: Int64, offer: Int64, second: Int64) {
        let single = TickBar(open: bid, high: bid, low: bid, close: bid, volume: 1)
        let spread = Swift.max(0, offer - bid)
        if let last = self.closes.last, second <= last {
            let index = self.closes.count - 1
            self.bars[index] = self.bars[index].followed(by: single)
            self.spreads[index] = spread
        } else {
            self.closes.append(second)
            self.bars.append(single)
            self.spreads.append(spread)
            self.days.insert(CivilTime.floorDiv(second, CivilTime.secondsPerDay))
        }
        self.spreadTicks = Swift.max(1, spread)
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

    /// The recorded spread (ticks) of the last bar closing at or before `second`, else the median spread.
    func spread(atOrBefore second: Int64) -> Int64 {
        let index = self.lowerBound(second + 1)
        return index > 0 ? self.spreads[index - 1] : self.spreadTicks
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

    /// True when the market streams at `second`: never before the first price is known (the first bar's close or
    /// first tick: a recording's first bar in progress has no price yet); for a live series from its first quote
    /// on; where ticks were recorded, inside a span without a gap; elsewhere when a bar is in progress or closed
    /// within the last bar length.
    func isTrading(at second: Int64) -> Bool {
        guard self.hasPrice(at: second) else { return false }
        if self.isLive { return true }
        if Self.index(of: second, in: self.tickCoverage) != nil {
            return Self.index(of: second, in: self.tickWindows) != nil
        }
        let closes = self.barCloses
        var low = 0
        var high = closes.count
        while low < high {
            let middle = (low + high) / 2
            if closes[middle] < second { low = middle + 1 } else { high = middle }
        }
        guard low < closes.count else {
            return closes.last.map { second - $0 <= self.barSeconds } ?? false
        }
        if closes[low] - (self.barSeconds - 1) <= second { return true }
        return low > 0 && second - closes[low - 1] <= self.barSeconds
    }

    /// True when a price is known at `second`: a bar (or tick second) closed at or before it. Before that the
    /// recording has nothing to show, so the market neither streams nor deals (nothing is made up).
    func hasPrice(at second: Int64) -> Bool {
        self.closes.first.map { $0 <= second } ?? false
    }

    /// The first and last recorded instants: the first bar's start and the last bar's end.
    var span: (start: Int64, end: Int64) {
        guard let first = self.closes.first, let last = self.closes.last else { return (0, 0) }
        let firstIsBar = self.barCloses.first == first
        return (first - (firstIsBar ? self.barSeconds - 1 : 0), last + 1)
    }

    // MARK: Second ranges

    /// Sorted, merged ranges.
    static func union(_ ranges: [Range<Int64>]) -> [Range<Int64>] {
        var result = [Range<Int64>]()
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `ranges` without the seconds of `holes` (both sorted and merged).
    static func subtract(_ ranges: [Range<Int64>], _ holes: [Range<Int64>]) -> [Range<Int64>] {
        var result = [Range<Int64>]()
        for range in ranges {
            var start = range.lowerBound
            for hole in holes where hole.upperBound > start && hole.lowerBound < range.upperBound {
                if hole.lowerBound > start { result.append(start..<hole.lowerBound) }
                start = Swift.max(start, hole.upperBound)
            }
            if start < range.upperBound { result.append(start..<range.upperBound) }
        }
        return result
    }

    /// The index of the range holding `second`, or nil.
    static func index(of second: Int64, in ranges: [Range<Int64>]) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= second { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(second) ? low : nil
    }

    /// True when one range of `ranges` holds all of `inner`.
    static func contains(_ ranges: [Range<Int64>], _ inner: Range<Int64>) -> Bool {
        guard let index = self.index(of: inner.lowerBound, in: ranges) else { return false }
        return ranges[index].upperBound >= inner.upperBound
    }
}
