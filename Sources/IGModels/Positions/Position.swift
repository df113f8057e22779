public import Foundation

/// An open position (`GET /positions` v2 `position` block).
public struct Position: Codable, Sendable, Hashable {
    /// The contract size.
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    /// `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var createdDateUTC: String?
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// The position's size.
    public var size: Decimal
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The level the position was opened at.
    public var level: Decimal
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
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?

    /// When the position was opened (UTC).
    public var createdAt: Date? { createdDateUTC.flatMap { IGDateFormat.date(from: $0) } }
}
