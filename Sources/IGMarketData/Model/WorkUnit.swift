import Foundation

/// One range of one series to fetch, shared by every `ig history sync` process on the same store.
public struct WorkUnit: Sendable, Hashable, Codable {
    /// The unit's id in the store.
    public var id: Int64
    /// The series to fetch.
    public var key: SeriesKey
    /// The bar starts to fetch, `[start, end)`.
    public var range: TimeRange
    /// Estimated points (an upper bound: one per possible bar start).
    public var points: Int

    /// A unit from its parts.
    public init(id: Int64, key: SeriesKey, range: TimeRange, points: Int) {
        self.id = id
        self.key = key
        self.range = range
        self.points = points
    }
}
