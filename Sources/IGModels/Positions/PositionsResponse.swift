import Foundation

/// The body of `GET /positions` (v2).
public struct PositionsResponse: Codable, Sendable, Hashable {
    /// The open positions.
    public var positions: [OpenPosition]
}
