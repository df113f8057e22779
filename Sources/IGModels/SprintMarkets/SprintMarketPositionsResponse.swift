import Foundation

/// The body of `GET /positions/sprintmarkets` (v1, v2).
public struct SprintMarketPositionsResponse: Codable, Sendable, Hashable {
    /// The sprint-market positions.
    public var sprintMarketPositions: [SprintMarketPosition]
}
