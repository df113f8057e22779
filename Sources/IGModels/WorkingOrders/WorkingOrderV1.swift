public import Foundation

/// A working order as `GET /workingorders` v1 reports it: `requestType` (`LIMIT_ORDER`/`STOP_ORDER`), `size`,
/// `level`, `goodTill` (`dd/MM/yy HH:mm` or `GTC`) and stop/limit as levels (`contingentStop`/`contingentLimit`).
public struct WorkingOrderV1: Codable, Sendable, Hashable {
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The order's size.
    public var size: Decimal
    /// The trigger level.
    public var level: Decimal
    /// `dd/MM/yy HH:mm` (account-local) or `GTC`.
    public var goodTill: String?
    /// When the order was created, as IG writes it.
    public var createdDate: String?
    /// Whether the order carries a guaranteed stop.
    public var controlledRisk: Bool?
    /// The trailing trigger increment.
    public var trailingTriggerIncrement: Decimal?
    /// The trailing trigger distance.
    public var trailingTriggerDistance: Decimal?
    /// The trailing stop's distance, in points.
    public var trailingStopDistance: Decimal?
    /// The trailing stop's step, in points.
    public var trailingStopIncrement: Decimal?
    /// `LIMIT_ORDER` or `STOP_ORDER`.
    public var requestType: String
    /// The stop level, or nil.
    public var contingentStop: Decimal?
    /// The deal's currency, e.g. `GBP`.
    public var currencyCode: String?
    /// The limit level, or nil.
    public var contingentLimit: Decimal?
    /// Whether this is a direct-market-access order.
    public var dma: Bool?
    /// The guaranteed-stop premium, if any.
    public var limitedRiskPremium: RuleValue?

    /// ``requestType`` as the v2 order type.
    public var orderType: WorkingOrderType {
        requestType.hasPrefix("STOP") ? .stop : .limit
    }
}
