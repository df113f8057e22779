import Foundation

/// The deterministic market-data generator: the same seed, profile and time give the same prices on every run.
///
/// Bars exist at every IG resolution for any date (at least back to 1970), and every resolution is an exact
/// aggregate of the finer ones: a day's open, high, low, close and volume equal those of its hours, minutes and
/// seconds. Markets that do not trade at weekends have no bars on Saturdays and Sundays (UTC). Bars are aligned
/// to UTC: minutes and hours on the clock, days at midnight, weeks on Monday, months on the 1st. The bar that
/// contains `now` is built from the seconds elapsed so far, so quotes at "now" continue the same path.
///
/// Work per query is proportional to the number of bars asked for (plus at most a few hundred child bars for the
/// partial bar in progress), never to the number of seconds they span.
public struct PriceEngine: Sendable {
    /// The seed every price derives from.
    public let seed: UInt64
    /// Recorded prices replayed instead of the synthetic path (nil: synthetic).
    public let replay: PriceReplay?

    /// Creates an engine; with `replay`, prices come from the recording (the seed still drives sub-second ticks).
    public init(seed: UInt64, replay: PriceReplay? = nil) {
        self.seed = seed
        self.replay = replay
    }

    /// The path of a profile: synthetic, or the recording of its market.
    func path(_ profile: PriceProfile) -> PricePath {
        PricePath(seed: self.seed, profile: profile, replay: self.replay?.series(for: profile))
    }

    /// Earliest bar start the engine enumerates when walking back (1970-01-01).
    static let earliestSecond: Int64 = 0

    // MARK: Queries

    /// Bars whose start lies in `[from, to]` and not after `now`, oldest first. Enumeration stops after `limit` bars.
    public func bars(
        for profile: PriceProfile,
        resolution: PriceResolution,
        from: Date,
        to: Date,
        now: Date = Date(),
        limit: Int = .max
    ) -> [PriceBar] {
        var cursor = PathCursor(path: self.path(profile))
        let nowSecond = Self.second(now)
        let last = Swift.min(Self.second(to), nowSecond)
        var time = Self.barStart(containing: Self.second(from), resolution)
        if time < Self.second(from) { time = Self.barEnd(startingAt: time, resolution) }
        var result = [PriceBar]()
        while time <= last, result.count < limit {
            let day = CivilTime.floorDiv(time, CivilTime.secondsPerDay)
            if resolution.fixedSeconds != nil, !cursor.path.isTradingDay(day) {
                time = (day + 1) * CivilTime.secondsPerDay
                continue
            }
            let end = Self.barEnd(startingAt: time, resolution)
            if let bar = cursor.aggregate(from: time, to: Swift.min(end, nowSecond + 1)) {
                result.append(
                    Self.priceBar(bar, start: time, path: cursor.path, end: Swift.min(end, nowSecond + 1)))
            }
            time = end
        }
        return result
    }

    /// The last `count` bars starting at or before `end` (and `now`), oldest first.
    public func bars(
        for profile: PriceProfile,
        resolution: PriceResolution,
        count: Int,
        endingAt end: Date,
        now: Date = Date()
    ) -> [PriceBar] {
        var cursor = PathCursor(path: self.path(profile))
        let nowSecond = Self.second(now)
        var time = Self.barStart(containing: Swift.min(Self.second(end), nowSecond), resolution)
        var result = [PriceBar]()
        while result.count < count, time >= Self.earliestSecond {
            let day = CivilTime.floorDiv(time, CivilTime.secondsPerDay)
            if resolution.fixedSeconds != nil, !cursor.path.isTradingDay(day) {
                time = Self.barStart(containing: day * CivilTime.secondsPerDay - 1, resolution)
                continue
            }
            let barEnd = Self.barEnd(startingAt: time, resolution)
            if let bar = cursor.aggregate(from: time, to: Swift.min(barEnd, nowSecond + 1)) {
                result.append(
                    Self.priceBar(bar, start: time, path: cursor.path, end: Swift.min(barEnd, nowSecond + 1)))
            }
            time = Self.barStart(containing: time - 1, resolution)
        }
        return result.reversed()
    }

    /// An upper estimate of how many bars `bars(for:resolution:from:to:now:)` would return.
    public func estimatedBarCount(
        for profile: PriceProfile,
        resolution: PriceResolution,
        from: Date,
        to: Date,
        now: Date = Date()
    ) -> Int {
        let span = Swift.min(Self.second(to), Self.second(now)) - Self.second(from)
        guard span >= 0 else { return 0 }
        let bars = span / resolution.nominalSeconds + 2
        let tradingShare: Int64 = profile.tradesAtWeekends || resolution.fixedSeconds == nil ? 7 : 5
        return Int(bars * tradingShare / 7 + 2)
    }

    /// True when the market trades at `date` (false at weekends for markets that close then).
    public func isTrading(_ profile: PriceProfile, at date: Date) -> Bool {
        if let series = self.replay?.series(for: profile) { return series.isTrading(at: Self.second(date)) }
        return profile.tradesAtWeekends || CivilTime.weekday(days: CivilTime.floorDiv(Self.second(date), 86_400)) < 5
    }

    /// The quote at `date`: the close of the last trading second at or before it.
    public func quote(for profile: PriceProfile, at date: Date) -> PriceQuote {
        var cursor = PathCursor(path: self.path(profile))
        let second = cursor.lastTradingSecond(atOrBefore: Self.second(date))
        let bar = cursor.secondBar(second) ?? TickBar(open: 1, high: 1, low: 1, close: 1, volume: 1)
        let point = Self.point(bar.close, path: cursor.path, spread: Self.spread(cursor.path, atOrBefore: second))
        return PriceQuote(bid: point.bid, offer: point.ask, time: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    /// The trading day (UTC) that contains `date`, or the last one before it when the market is closed, aggregated
    /// up to that instant: its open, high, low and the latest quote.
    public func session(for profile: PriceProfile, at date: Date) -> PriceBar {
        var cursor = PathCursor(path: self.path(profile))
        let second = cursor.lastTradingSecond(atOrBefore: Self.second(date))
        let dayStart = CivilTime.floorDiv(second, CivilTime.secondsPerDay) * CivilTime.secondsPerDay
        let bar =
            cursor.aggregate(from: dayStart, to: second + 1) ?? TickBar(open: 1, high: 1, low: 1, close: 1, volume: 1)
        return Self.priceBar(bar, start: dayStart, path: cursor.path, end: second + 1)
    }

    // MARK: Bar boundaries

    /// Whole seconds since 1970 (floor), clamped to years 0000–9999 so that no date, however far off, traps.
    static func second(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return seconds > 0 ? Self.latestSecond : Self.earliestCivilSecond }
        return Int64(Swift.min(Double(Self.latestSecond), Swift.max(Double(Self.earliestCivilSecond), seconds)))
    }

    /// 0000-01-01T00:00:00Z in seconds since 1970.
    static let earliestCivilSecond: Int64 = -62_167_219_200
    /// 9999-12-31T23:59:59Z in seconds since 1970.
    static let latestSecond: Int64 = 253_402_300_799

    /// Start of the bar of `resolution` that contains `time`.
    static func barStart(containing time: Int64, _ resolution: PriceResolution) -> Int64 {
        if let length = resolution.fixedSeconds {
            return CivilTime.floorDiv(time, length) * length
        }
        let day = CivilTime.floorDiv(time, CivilTime.secondsPerDay)
        if resolution == .week {
            return (day - Int64(CivilTime.weekday(days: day))) * CivilTime.secondsPerDay
        }
        let date = CivilTime.date(days: day)
        return CivilTime.days(year: date.year, month: date.month, day: 1) * CivilTime.secondsPerDay
    }

    /// End (exclusive) of the bar starting at `start`.
    static func barEnd(startingAt start: Int64, _ resolution: PriceResolution) -> Int64 {
        if let length = resolution.fixedSeconds { return start + length }
        if resolution == .week { return start + 7 * CivilTime.secondsPerDay }
        let date = CivilTime.date(days: CivilTime.floorDiv(start, CivilTime.secondsPerDay))
        let next =
            date.month == 12
            ? CivilTime.days(year: date.year + 1, month: 1, day: 1)
            : CivilTime.days(year: date.year, month: date.month + 1, day: 1)
        return next * CivilTime.secondsPerDay
    }

    // MARK: Conversion

    /// A bid in ticks with its offer: `spread` ticks above (the path's spread by default).
    static func point(_ bidTicks: Int64, path: PricePath, spread: Int64? = nil) -> PricePoint {
        PricePoint(
            bid: Double(bidTicks) / path.scale, ask: Double(bidTicks + (spread ?? path.spreadTicks)) / path.scale)
    }

    /// The spread in ticks at `second`: the recorded one of the last replayed bar (the spread from the data), or the
    /// synthetic path's constant spread.
    static func spread(_ path: PricePath, atOrBefore second: Int64) -> Int64 {
        path.replay?.spread(atOrBefore: second) ?? path.spreadTicks
    }

    /// A bar in ticks as prices; the offers use the spread recorded at the bar's last second before `end`.
    static func priceBar(_ bar: TickBar, start: Int64, path: PricePath, end: Int64? = nil) -> PriceBar {
        let spread = end.map { Self.spread(path, atOrBefore: $0 - 1) } ?? path.spreadTicks
        return PriceBar(
            start: Date(timeIntervalSince1970: TimeInterval(start)),
            open: self.point(bar.open, path: path, spread: spread),
            high: self.point(bar.high, path: path, spread: spread),
            low: self.point(bar.low, path: path, spread: spread),
            close: self.point(bar.close, path: path, spread: spread),
            volume: Int(bar.volume)
        )
    }
}
