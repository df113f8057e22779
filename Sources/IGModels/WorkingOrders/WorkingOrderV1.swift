public import Foundation

/// A working order as `GET /workingorders` v1 reports it: `requestType` (`LIMIT_ORDER`/`STOP_ORDER`), `size`,
/// `level`, `goodTill` (`dd/MM/yy HH:mm` or `GTC`) and stop/limit as levels (`contingentStop`/`contingentLimit`).
public struct WorkingOrderV1: Codable, Sendable, Hashable {
    public var dealId: DealId
    public var direction: Direction
    public var epic: Epic
    public var size: Decimal
    public var level: Decimal
    /// `dd/MM/yy HH:mm` (account-local) or `GTC`.
    public var goodTill: String?
    public var createdDate: String?
    public var controlledRisk: Bool?
    public var trailingTriggerIncrement: Decimal?
    public var trailingTriggerDistance: Decimal?
    public var trailingStopDistance: Decimal?
    public var trailingStopIncrement: Decimal?
    /// `LIMIT_ORDER` or `STOP_ORDER`.
    public var requestType: String
    /// The stop level, or nil.
    public var contingentStop: Decimal?
    public var currencyCode: String?
    /// The limit level, or nil.
    public var contingentLimit: Decimal?
    public var dma: Bool?
    public var limitedRiskPremium: RuleValue?

    /// ``requestType`` as the v2 order type.
    public var orderType: WorkingOrderType {
        requestType.hasPrefix("STOP") ? .stop : .limit
    }
}
