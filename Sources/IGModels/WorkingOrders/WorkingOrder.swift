public import Foundation

/// A working order (`GET /workingorders` v2 `workingOrderData` block).
public struct WorkingOrder: Codable, Sendable, Hashable {
    public var dealId: DealId
    public var direction: Direction
    public var epic: Epic
    public var orderSize: Decimal
    public var orderLevel: Decimal
    public var timeInForce: WorkingOrderTimeInForce?
    /// `yyyy/MM/dd HH:mm` or nil.
    public var goodTillDate: String?
    /// `yyyy-MM-dd'T'HH:mm` or nil.
    public var goodTillDateISO: String?
    public var createdDate: String?
    public var createdDateUTC: String?
    public var guaranteedStop: Bool?
    public var orderType: WorkingOrderType
    public var stopDistance: Decimal?
    public var limitDistance: Decimal?
    public var currencyCode: String?
    public var dma: Bool?
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?
}
