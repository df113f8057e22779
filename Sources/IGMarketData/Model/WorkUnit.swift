import Foundation

/// One range of one series to fetch, shared by every `ig history sync` process on the same store.
public struct WorkUnit: Sendable, Hashable, Codable {
    /// The unit's id in the store.
    public var id: Int64
    public var key: SeriesKey
    public var range: TimeRange
    /// Estimated points (an upper bound: one per possible bar start).
    public var points: Int

    public init(id: Int64, key: SeriesKey, range: TimeRange, points: Int) {
        self.id = id
        self.key = key
        self.range = range
        self.points = points
    }
}
