/// Reads bars of a ``PricePath`` at any level, memoising the children it derives for the duration of one query.
struct PathCursor {
    let path: PricePath
    private var days: [Int64: TickBar] = [:]
    private var hours: [Int64: [TickBar]] = [:]
    private var minutes: [Int64: [TickBar]] = [:]
    private var seconds: [Int64: [TickBar]] = [:]

    init(path: PricePath) {
        self.path = path
    }

    private static let day = CivilTime.secondsPerDay

    /// The bar of UTC day `day`, or nil when the market is closed that day.
    mutating func dayBar(_ day: Int64) -> TickBar? {
        guard self.path.isTradingDay(day) else { return nil }
        if let cached = self.days[day] { return cached }
        let bar = self.path.dayBar(day)
        self.days[day] = bar
        return bar
    }

    /// The bar of hour `hourIndex` (hours since 1970).
    mutating func hourBar(_ hourIndex: Int64) -> TickBar? {
        let day = CivilTime.floorDiv(hourIndex, 24)
        if let cached = self.hours[day] { return cached[Int(hourIndex - day * 24)] }
        guard let parent = self.dayBar(day) else { return nil }
        let children = self.path.hourBars(day: day, dayBar: parent)
        self.hours[day] = children
        return children[Int(hourIndex - day * 24)]
    }

    /// The bar of minute `minuteIndex` (minutes since 1970).
    mutating func minuteBar(_ minuteIndex: Int64) -> TickBar? {
        let hourIndex = CivilTime.floorDiv(minuteIndex, 60)
        if let cached = self.minutes[hourIndex] { return cached[Int(minuteIndex - hourIndex * 60)] }
        guard let parent = self.hourBar(hourIndex) else { return nil }
        let children = self.path.minuteBars(hourIndex: hourIndex, hourBar: parent)
        self.minutes[hourIndex] = children
        return children[Int(minuteIndex - hourIndex * 60)]
    }

    /// The bar of second `second` (seconds since 1970).
    mutating func secondBar(_ second: Int64) -> TickBar? {
        if let replay = self.path.replay { return replay.bar(closingIn: second) }
        let minuteIndex = CivilTime.floorDiv(second, 60)
        if let cached = self.seconds[minuteIndex] { return cached[Int(second - minuteIndex * 60)] }
        guard let parent = self.minuteBar(minuteIndex) else { return nil }
        let children = self.path.secondBars(minuteIndex: minuteIndex, minuteBar: parent)
        self.seconds[minuteIndex] = children
        return children[Int(second - minuteIndex * 60)]
    }

    /// The aggregate of every trading second in `[start, end)`, using the coarsest whole units available.
    mutating func aggregate(from start: Int64, to end: Int64) -> TickBar? {
        if let replay = self.path.replay { return replay.aggregate(from: start, to: end) }
        var result: TickBar?
        func append(_ bar: TickBar?) {
            guard let bar else { return }
            result = result.map { $0.followed(by: bar) } ?? bar
        }
        var time = start
        while time < end {
            let day = CivilTime.floorDiv(time, Self.day)
            let dayStart = day * Self.day
            guard self.path.isTradingDay(day) else {
                time = dayStart + Self.day
                continue
            }
            if time == dayStart, end >= dayStart + Self.day {
                append(self.dayBar(day))
                time += Self.day
                continue
            }
            let hourIndex = CivilTime.floorDiv(time, 3600)
            if time == hourIndex * 3600, end >= time + 3600 {
                append(self.hourBar(hourIndex))
                time += 3600
                continue
            }
            let minuteIndex = CivilTime.floorDiv(time, 60)
            if time == minuteIndex * 60, end >= time + 60 {
                append(self.minuteBar(minuteIndex))
                time += 60
                continue
            }
            append(self.secondBar(time))
            time += 1
        }
        return result
    }

    /// The last trading second at or before `time`.
    func lastTradingSecond(atOrBefore time: Int64) -> Int64 {
        if let replay = self.path.replay { return replay.lastClose(atOrBefore: time) ?? time }
        var day = CivilTime.floorDiv(time, Self.day)
        if self.path.isTradingDay(day) { return time }
        repeat { day -= 1 } while !self.path.isTradingDay(day)
        return (day + 1) * Self.day - 1
    }
}
