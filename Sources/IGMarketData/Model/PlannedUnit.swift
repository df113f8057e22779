/// A unit to enqueue: a range of one series, its estimated points and its order in the plan.
public struct PlannedUnit: Sendable, Hashable, Codable {
    /// The series to fetch.
    public var key: SeriesKey
    /// The bar starts to fetch, `[start, end)`.
    public var range: TimeRange
    /// An upper bound of the points the unit spends (one per possible bar start).
    public var points: Int
    /// Lower runs first.
    public var priority: Int64

    /// A unit from its parts.
    public init(key: SeriesKey, range: TimeRange, points: Int, priority: Int64) {
        self.key = key
        self.range = range
        self.points = points
        self.priority = priority
    }
}
