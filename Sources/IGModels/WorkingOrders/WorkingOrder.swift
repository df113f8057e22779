public import Foundation

/// A working order (`GET /workingorders` v2 `workingOrderData` block).
public struct WorkingOrder: Codable, Sendable, Hashable {
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The order's size.
    public var orderSize: Decimal
    /// The level at which the order triggers.
    public var orderLevel: Decimal
    /// `GOOD_TILL_CANCELLED` or `GOOD_TILL_DATE`.
    public var timeInForce: WorkingOrderTimeInForce?
    /// `yyyy/MM/dd HH:mm` or nil.
    public var goodTillDate: String?
    /// `yyyy-MM-dd'T'HH:mm` or nil.
    public var goodTillDateISO: String?
    /// When the order was created, in the account's local time, as IG writes it.
    public var createdDate: String?
    /// When the order was created, UTC, as IG writes it.
    public var createdDateUTC: String?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// `LIMIT` or `STOP`.
    public var orderType: WorkingOrderType
    /// The stop's distance from the deal level, in points.
    public var stopDistance: Decimal?
    /// The limit's distance from the deal level, in points.
    public var limitDistance: Decimal?
    /// The deal's currency, e.g. `GBP`.
    public var currencyCode: String?
    /// Whether this is a direct-market-access order.
    public var dma: Bool?
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?
}
