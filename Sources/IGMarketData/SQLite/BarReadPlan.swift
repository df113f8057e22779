/// How a read of stored bars goes: the series and range asked for, the first and last stored start within it (from
/// the index), the rows to reserve, and whether the read is split over several connections.
struct BarReadPlan: Sendable {
    /// Rows (estimated from the first and last start) from which a read is split.
    static let splitThreshold = 100_000
    /// The most pieces a read is split into.
    static let maximumParts = 4
    /// The most rows reserved up front, whatever the estimate.
    static let maximumCapacity = 10_000_000

    /// The series' id.
    var series: Int64
    /// The range of starts asked for.
    var range: TimeRange
    /// The series' instrument type, when known.
    var instrumentType: String?
    /// The first and last stored start in ``range``; nil when the range holds no bar.
    private(set) var stored: (first: Int64, last: Int64)?
    /// The rows a gapless series would have between the first and last start (an upper bound for bars on a fixed
    /// grid), at most ``maximumCapacity``.
    private(set) var capacity = 0

    init(series: Int64, range: TimeRange, instrumentType: String?) {
        self.series = series
        self.range = range
        self.instrumentType = instrumentType
    }

    /// Records the first and last stored start and estimates the rows from the resolution's `step` in seconds.
    mutating func bounds(first: Int64, last: Int64, step: Int64) {
        stored = (first, last)
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span >= 0 else {
            capacity = Self.maximumCapacity
            return
        }
        capacity = Int(Swift.min(span / Swift.max(step, 1) + 1, Int64(Self.maximumCapacity)))
    }

    /// How many pieces to read at once on a machine with `processors` cores: 1 below ``splitThreshold`` rows or on
    /// one core.
    func parts(processors: Int) -> Int {
        guard stored != nil, capacity >= Self.splitThreshold, processors > 1 else { return 1 }
        return Swift.min(processors, Self.maximumParts)
    }

    /// ``range`` cut into `count` consecutive ranges of equal time between the first and last stored start; the
    /// first starts at the range's start and the last ends at its end, so together they are exactly ``range``.
    /// One piece (the range) when it cannot be cut.
    func pieces(_ count: Int) -> [TimeRange] {
        guard count > 1, let stored, stored.first >= range.start, stored.last < range.end else { return [range] }
        let first = stored.first
        let (span, overflow) = stored.last.subtractingReportingOverflow(first)
        guard !overflow else { return [range] }
        let step = span / Int64(count)
        guard step > 0 else { return [range] }
        var pieces: [TimeRange] = []
        var start = range.start
        for index in 1..<count {
            let end = first + step * Int64(index)
            pieces.append(TimeRange(start: start, end: end))
            start = end
        }
        pieces.append(TimeRange(start: start, end: range.end))
        return pieces
    }
}
