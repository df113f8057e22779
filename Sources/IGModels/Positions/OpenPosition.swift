import Foundation

/// One entry of `GET /positions` (v2): the position and its market.
public struct OpenPosition: Codable, Sendable, Hashable, Identifiable {
    /// The position.
    public var position: Position
    /// Its market, with current prices.
    public var market: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { position.dealId }
}
