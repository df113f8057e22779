public import Foundation

/// An open position as `GET /positions` v1 reports it: `dealSize` and `openLevel` instead of v2's `size` and
/// `level`, no `dealReference` and no UTC creation time.
public struct PositionV1: Codable, Sendable, Hashable {
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    public var dealId: DealId
    public var dealSize: Decimal
    public var direction: Direction
    public var limitLevel: Decimal?
    public var openLevel: Decimal
    public var currency: String?
    /// True for a guaranteed stop.
    public var controlledRisk: Bool?
    public var stopLevel: Decimal?
    public var trailingStep: Decimal?
    public var trailingStopDistance: Decimal?
    public var limitedRiskPremium: RuleValue?
}
