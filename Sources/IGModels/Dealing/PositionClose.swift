public import Foundation

/// The body of `DELETE /positions/otc` (v1): close a position by deal id, or by epic + expiry.
public struct PositionClose: Codable, Sendable, Hashable {
    /// The position to close (or give `epic` and `expiry`).
    public var dealId: DealId?
    /// The market, when closing by epic instead of deal id.
    public var epic: Epic?
    /// The expiry, when closing by epic.
    public var expiry: String?
    /// The opposite of the position's direction.
    public var direction: Direction
    /// Smaller than the position's size for a partial close.
    public var size: Decimal
    /// `MARKET`, `LIMIT` or `QUOTE`.
    public var orderType: DealOrderType
    /// The level, for `LIMIT` and `QUOTE` closes.
    public var level: Decimal?
    /// The quote id, for `QUOTE` closes.
    public var quoteId: String?
    /// `EXECUTE_AND_ELIMINATE` or `FILL_OR_KILL`.
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
