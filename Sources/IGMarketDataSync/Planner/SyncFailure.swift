public import IGMarketData

/// A unit of a sync that IG refused (an unknown epic, a resolution the market does not have): it is marked failed in
/// the queue and the sync goes on with the other units.
public struct SyncFailure: Sendable, Hashable {
    /// The series of the unit.
    public var key: SeriesKey
    /// The unit's range of bar starts.
    public var range: TimeRange
    /// What IG said, for a person (its hint when there is one).
    public var reason: String
    /// IG's error code, e.g. `error.unsupported.epic`, when it sent one.
    public var errorCode: String?

    /// A failure of the unit `range` of `key`.
    public init(key: SeriesKey, range: TimeRange, reason: String, errorCode: String? = nil) {
        self.key = key
        self.range = range
        self.reason = reason
        self.errorCode = errorCode
    }
}
