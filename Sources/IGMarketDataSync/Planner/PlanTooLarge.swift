public import IGMarketData

/// A backfill plan refused because its missing ranges hold more possible bars than a plan may
/// (``BackfillPlan/pointLimit``): almost always a mistyped range or resolution.
public struct PlanTooLarge: Error, Sendable, Hashable, CustomStringConvertible {
    /// Points counted when the limit was passed (one per possible bar start; the whole plan needs more).
    public var points: Int
    /// The limit that was passed.
    public var limit: Int
    /// The series whose ranges passed it.
    public var series: SeriesKey

    /// A refusal after counting `points` against `limit`, at `series`.
    public init(points: Int, limit: Int, series: SeriesKey) {
        self.points = points
        self.limit = limit
        self.series = series
    }

    /// The refusal in a sentence: the points reached, the series, the limit, and what to do.
    public var description: String {
        "The plan needs at least \(Self.grouped(points)) points (reached at \(series.epic) \(series.resolution)), "
            + "more than the \(Self.grouped(limit)) a plan may need: \(Self.grouped(limit / 10_000)) weeks of one "
            + "account's allowance of 10,000 points. Nothing was fetched or queued: narrow the range, or choose a "
            + "coarser resolution."
    }

    /// `45000000000` as `45,000,000,000`.
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
