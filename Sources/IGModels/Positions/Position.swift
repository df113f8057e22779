public import Foundation

/// An open position (`GET /positions` v2 `position` block).
public struct Position: Codable, Sendable, Hashable {
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    /// `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var createdDateUTC: String?
    public var dealId: DealId
    public var dealReference: DealReference?
    public var size: Decimal
    public var direction: Direction
    public var limitLevel: Decimal?
    public var level: Decimal
    public var currency: String?
    /// True for a guaranteed stop.
    public var controlledRisk: Bool?
    public var stopLevel: Decimal?
    public var trailingStep: Decimal?
    public var trailingStopDistance: Decimal?
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?

    /// When the position was opened (UTC).
    public var createdAt: Date? { createdDateUTC.flatMap { IGDateFormat.date(from: $0) } }
}
