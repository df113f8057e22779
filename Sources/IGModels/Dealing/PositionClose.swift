public import Foundation

/// The body of `DELETE /positions/otc` (v1): close a position by deal id, or by epic + expiry.
public struct PositionClose: Codable, Sendable, Hashable {
    public var dealId: DealId?
    public var epic: Epic?
    public var expiry: String?
    /// The opposite of the position's direction.
    public var direction: Direction
    /// Smaller than the position's size for a partial close.
    public var size: Decimal
    public var orderType: DealOrderType
    public var level: Decimal?
    public var quoteId: String?
    public var timeInForce: DealTimeInForce?

    /// Closes `size` of the position `dealId` at market.
    public init(dealId: DealId, direction: Direction, size: Decimal) {
        self.dealId = dealId
        self.direction = direction
        self.size = size
        self.orderType = .market
    }

    /// Closes `size` of the positions on `epic`/`expiry` at market, oldest first.
    public init(epic: Epic, expiry: String, direction: Direction, size: Decimal) {
        self.epic = epic
        self.expiry = expiry
        self.direction = direction
        self.size = size
        self.orderType = .market
    }
}
