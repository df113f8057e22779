public import Foundation

/// Coverage of one stored series, for `ig history status`.
public struct SeriesStatus: Sendable, Hashable, Codable {
    /// The series.
    public var key: SeriesKey
    /// Bars stored.
    public var bars: Int
    /// Covered ranges (fetched, including known-empty ones).
    public var coverage: Coverage
    /// When bars or coverage of the series last changed (nil when never).
    public var updatedAt: Date?

    /// A status from its parts.
    public init(key: SeriesKey, bars: Int, coverage: Coverage, updatedAt: Date?) {
        self.key = key
        self.bars = bars
        self.coverage = coverage
        self.updatedAt = updatedAt
    }
}
