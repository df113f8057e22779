import Foundation

/// The deterministic price path of one underlying market.
///
/// Construction, top-down so that every resolution is an exact aggregate of the finer ones:
/// 1. Day boundaries: the log deviation from the profile's level at each trading-day boundary comes from a
///    Brownian bridge over trading-day ordinals, pinned to zero on 2025-01-06 and refined by bisection, with the
///    variance of coarse steps capped (mean reversion) so decades of history stay plausible. A day's open is the
///    value at its first boundary and its close the value at the next one, so consecutive days join up.
/// 2. A day's high and low extend its open/close by random wicks.
/// 3. Children (24 hours of a day, 60 minutes of an hour, 60 seconds of a minute) are drawn as a random bridge
///    from the parent's open to its close, then mapped monotonically onto the parent's low…high range, so the
///    children's first open, last close, highest high, lowest low and summed volume equal the parent's exactly.
/// Every random number is a hash of (seed, profile key, level, index), so any bar can be computed on its own.
struct PricePath: Sendable {
    let profile: PriceProfile
    let tick: Double
    let scale: Double
    let spreadTicks: Int64
    /// Recorded bars replayed instead of the synthetic path, when the simulator replays a store.
    let replay: ReplaySeries?
    private let seedWord: UInt64

    /// 2025-01-06, a Monday: the day whose opening level equals the profile's level exactly.
    static let originDay: Int64 = CivilTime.days(year: 2025, month: 1, day: 6)
    /// Ordinals beyond ±span are clamped (about 250 years of trading days).
    static let ordinalSpan: Int64 = 65_536

    private enum Tag: UInt64 {
        case bridge = 1
        case anchor = 2
        case day = 3
        case hours = 4
        case minutes = 5
        case seconds = 6
    }

    init(seed: UInt64, profile: PriceProfile, replay: ReplaySeries? = nil) {
        self.profile = profile
        self.tick = profile.tickSize
        self.scale = PriceProfile.powerOfTen(profile.decimalPlaces)
        self.spreadTicks = replay?.spreadTicks ?? Swift.max(1, Int64((profile.spread * self.scale).rounded()))
        self.replay = replay
        self.seedWord = DeterministicHash.combine(seed, DeterministicHash.fnv1a(profile.key))
    }

    private func stream(_ tag: Tag, _ index: Int64) -> RandomStream {
        RandomStream(seed: DeterministicHash.combine(self.seedWord, tag.rawValue, DeterministicHash.word(index)))
    }

    // MARK: Calendar

    /// True when the market trades on the UTC day `day` (days since 1970).
    func isTradingDay(_ day: Int64) -> Bool {
        if let replay { return replay.days.contains(day) }
        return self.profile.tradesAtWeekends || CivilTime.weekday(days: day) < 5
    }

    /// The trading-day ordinal of a trading day, relative to the origin day.
    func ordinal(ofDay day: Int64) -> Int64 {
        let difference = day - Self.originDay
        if self.profile.tradesAtWeekends { return difference }
        let weeks = CivilTime.floorDiv(difference, 7)
        let remainder = difference - weeks * 7
        return weeks * 5 + Swift.min(remainder, 5)
    }

    // MARK: Day level

    /// Log deviation from the profile level at a trading-day boundary.
    func logDeviation(ordinal: Int64) -> Double {
        let span = Self.ordinalSpan
        let k = Swift.max(-span, Swift.min(span, ordinal))
        if k == 0 { return 0 }
        let sigma = self.profile.dailyVolatility
        let cap = Double(Swift.max(1, self.profile.meanReversionDays))
        var anchorStream = self.stream(.anchor, k > 0 ? 1 : -1)
        var low: Int64 = k > 0 ? 0 : -span
        var high: Int64 = k > 0 ? span : 0
        let anchorValue = anchorStream.normal() * sigma * cap.squareRoot()
        var lowValue = k > 0 ? 0 : anchorValue
        var highValue = k > 0 ? anchorValue : 0
        if k == low { return lowValue }
        if k == high { return highValue }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            let length = Double(high - low)
            var noise = self.stream(.bridge, middle)
            let deviation = sigma * Swift.min(length, cap).squareRoot() / 2
            let middleValue = (lowValue + highValue) / 2 + deviation * noise.normal()
            if k == middle { return middleValue }
            if k < middle {
                high = middle
                highValue = middleValue
            } else {
                low = middle
                lowValue = middleValue
            }
        }
        return k == low ? lowValue : highValue
    }

    /// The bid in ticks for a log deviation.
    func ticks(logDeviation: Double) -> Int64 {
        Swift.max(1, Int64((self.profile.level * Foundation.exp(logDeviation) * self.scale).rounded()))
    }

    /// The bar of a trading day (UTC midnight to midnight).
    func dayBar(_ day: Int64) -> TickBar {
        let ordinal = self.ordinal(ofDay: day)
        let startDeviation = self.logDeviation(ordinal: ordinal)
        let endDeviation = self.logDeviation(ordinal: ordinal + 1)
        let open = self.ticks(logDeviation: startDeviation)
        let close = self.ticks(logDeviation: endDeviation)
        var random = self.stream(.day, day)
        let rangeTicks =
            self.profile.level * Foundation.exp((startDeviation + endDeviation) / 2) * self.profile.dailyVolatility
            * self.scale
        let up = Int64((abs(random.normal()) * 0.6 * rangeTicks).rounded())
        let down = Int64((abs(random.normal()) * 0.6 * rangeTicks).rounded())
        let seconds = CivilTime.secondsPerDay
        let volume = seconds + Int64(random.uniform() * 3 * Double(seconds))
        return TickBar(
            open: open,
            high: Swift.max(open, close) + up,
            low: Swift.max(1, Swift.min(open, close) - down),
            close: close,
            volume: volume
        )
    }

    // MARK: Children

    /// The 24 hour bars of a trading day.
    func hourBars(day: Int64, dayBar: TickBar) -> [TickBar] {
        self.children(of: dayBar, count: 24, childSeconds: 3600, random: self.stream(.hours, day))
    }

    /// The 60 minute bars of an hour (`hourIndex` = hours since 1970).
    func minuteBars(hourIndex: Int64, hourBar: TickBar) -> [TickBar] {
        self.children(of: hourBar, count: 60, childSeconds: 60, random: self.stream(.minutes, hourIndex))
    }

    /// The 60 second bars of a minute (`minuteIndex` = minutes since 1970).
    func secondBars(minuteIndex: Int64, minuteBar: TickBar) -> [TickBar] {
        self.children(of: minuteBar, count: 60, childSeconds: 1, random: self.stream(.seconds, minuteIndex))
    }

    /// Splits a bar into `count` consecutive bars whose aggregate is exactly the parent.
    func children(of parent: TickBar, count: Int, childSeconds: Int64, random: RandomStream) -> [TickBar] {
        var random = random
        let volumes = Self.splitVolume(parent.volume, count: count, minimum: childSeconds, random: &random)
        if parent.high == parent.low {
            return volumes.map {
                TickBar(open: parent.open, high: parent.high, low: parent.low, close: parent.close, volume: $0)
            }
        }
        let open = Double(parent.open)
        let close = Double(parent.close)
        let high = Double(parent.high)
        let low = Double(parent.low)
        let step = (high - low) / Double(count).squareRoot() * 0.5

        // A random walk from 0, turned into a bridge from open to close.
        var walk = [Double](repeating: 0, count: count + 1)
        for index in 1...count {
            walk[index] = walk[index - 1] + random.normal() * step
        }
        let drift = walk[count] - (close - open)
        var points = [Double](repeating: 0, count: count + 1)
        for index in 0...count {
            points[index] = open + walk[index] - Double(index) / Double(count) * drift
        }
        var rawHighs = [Double](repeating: 0, count: count)
        var rawLows = [Double](repeating: 0, count: count)
        for index in 0..<count {
            rawHighs[index] = Swift.max(points[index], points[index + 1]) + abs(random.normal()) * step * 0.35
            rawLows[index] = Swift.min(points[index], points[index + 1]) - abs(random.normal()) * step * 0.35
        }
        let lowerKnot = Swift.min(open, close)
        let upperKnot = Swift.max(open, close)
        // Make sure the raw range strictly exceeds open/close so both ends map onto the parent's high and low.
        let highIndex = random.index(below: count)
        let lowIndex = random.index(below: count)
        rawHighs[highIndex] = Swift.max(rawHighs[highIndex], (points.max() ?? upperKnot) + step * 0.05)
        rawLows[lowIndex] = Swift.min(rawLows[lowIndex], (points.min() ?? lowerKnot) - step * 0.05)
        let rawMax = rawHighs.max() ?? upperKnot
        let rawMin = rawLows.min() ?? lowerKnot

        func map(_ value: Double) -> Int64 {
            let mapped: Double
            if value <= lowerKnot {
                mapped = low + (value - rawMin) / (lowerKnot - rawMin) * (lowerKnot - low)
            } else if value <= upperKnot {
                mapped = value
            } else {
                mapped = upperKnot + (value - upperKnot) / (rawMax - upperKnot) * (high - upperKnot)
            }
            return Swift.max(parent.low, Swift.min(parent.high, Int64(mapped.rounded())))
        }

        var levels = points.map(map)
        levels[0] = parent.open
        levels[count] = parent.close
        var bars = [TickBar]()
        bars.reserveCapacity(count)
        for index in 0..<count {
            let barOpen = levels[index]
            let barClose = levels[index + 1]
            bars.append(
                TickBar(
                    open: barOpen,
                    high: Swift.max(map(rawHighs[index]), barOpen, barClose),
                    low: Swift.min(map(rawLows[index]), barOpen, barClose),
                    close: barClose,
                    volume: volumes[index]
                )
            )
        }
        if let top = rawHighs.indices.max(by: { rawHighs[$0] < rawHighs[$1] }) { bars[top].high = parent.high }
        if let bottom = rawLows.indices.min(by: { rawLows[$0] < rawLows[$1] }) { bars[bottom].low = parent.low }
        return bars
    }

    /// Splits a volume into `count` parts of at least `minimum` each, summing exactly to `volume`.
    static func splitVolume(_ volume: Int64, count: Int, minimum: Int64, random: inout RandomStream) -> [Int64] {
        let extra = Swift.max(0, volume - minimum * Int64(count))
        var weights = [Double](repeating: 0, count: count)
        for index in 0..<count { weights[index] = 0.3 + random.uniform() }
        let total = weights.reduce(0, +)
        var parts = weights.map { minimum + Int64(Double(extra) * $0 / total) }
        var remainder = volume - parts.reduce(0, +)
        var index = 0
        while remainder > 0 {
            parts[index % count] += 1
            remainder -= 1
            index += 1
        }
        return parts
    }
}
