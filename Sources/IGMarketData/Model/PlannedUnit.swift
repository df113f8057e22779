/// A unit to enqueue: a range of one series, its estimated points and its order in the plan.
public struct PlannedUnit: Sendable, Hashable, Codable {
    public var key: SeriesKey
    public var range: TimeRange
    public var points: Int
    /// Lower runs first.
    public var priority: Int64

    public init(key: SeriesKey, range: TimeRange, points: Int, priority: Int64) {
        self.key = key
        self.range = range
        self.points = points
        self.priority = priority
    }
}
