public import Foundation

/// The body of `POST /positions/sprintmarkets` (v1): a fixed-odds bet that the market finishes above (BUY) or
/// below (SELL) its current level after ``expiryPeriod``.
public struct SprintMarketOrder: Codable, Sendable, Hashable {
    /// The client's reference; the dealing workflow fills it in when nil.
    public var dealReference: DealReference?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The stake.
    public var size: Decimal
    /// How long the sprint runs.
    public var expiryPeriod: SprintExpiryPeriod

    /// Creates a sprint-market order.
    public init(
        epic: Epic, direction: Direction, size: Decimal, expiryPeriod: SprintExpiryPeriod,
        dealReference: DealReference? = nil
    ) {
        self.dealReference = dealReference
        self.epic = epic
        self.direction = direction
        self.size = size
        self.expiryPeriod = expiryPeriod
    }
}
