import Foundation

/// The body of `GET /positions` (v2).
public struct PositionsResponse: Codable, Sendable, Hashable {
    public var positions: [OpenPosition]
}
