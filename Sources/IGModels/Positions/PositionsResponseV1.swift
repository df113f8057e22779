import Foundation

/// The body of `GET /positions` (v1).
public struct PositionsResponseV1: Codable, Sendable, Hashable {
    /// The open positions.
    public var positions: [OpenPositionV1]
}
