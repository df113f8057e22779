public import Foundation

/// An open position as `GET /positions` v1 reports it: `dealSize` and `openLevel` instead of v2's `size` and
/// `level`, no `dealReference` and no UTC creation time.
public struct PositionV1: Codable, Sendable, Hashable {
    /// The contract size.
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// The position's size.
    public var dealSize: Decimal
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The level the position was opened at.
    public var openLevel: Decimal
    /// The currency, e.g. `GBP`.
    public var currency: String?
    /// True for a guaranteed stop.
    public var controlledRisk: Bool?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The trailing stop's step, in points.
    public var trailingStep: Decimal?
    /// The trailing stop's distance, in points.
    public var trailingStopDistance: Decimal?
    /// The premium paid for a guaranteed stop, if any.
    public var limitedRiskPremium: RuleValue?
}
