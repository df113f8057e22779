import Foundation

/// One entry of `GET /positions` (v2): the position and its market.
public struct OpenPosition: Codable, Sendable, Hashable, Identifiable {
    public var position: Position
    public var market: PositionMarket

    public var id: DealId { position.dealId }
}
