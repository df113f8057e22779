import Foundation

/// The body of `GET /history/activity/{lastPeriod}` and `/{fromDate}/{toDate}` (v1).
public struct ActivityResponseV1: Codable, Sendable, Hashable {
    /// The activities.
    public var activities: [ActivityV1]
}
