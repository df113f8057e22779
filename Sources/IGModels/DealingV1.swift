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

/// One entry of `GET /positions` (v1).
public struct OpenPositionV1: Codable, Sendable, Hashable, Identifiable {
    /// The position.
    public var position: PositionV1
    /// Its market, with current prices.
    public var market: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { position.dealId }

    /// The same position in the version-free (v2) shape; `dealReference` and `createdDateUTC` stay nil.
    public var normalized: OpenPosition {
        OpenPosition(
            position: Position(
                contractSize: position.contractSize, createdDate: position.createdDate, createdDateUTC: nil,
                dealId: position.dealId, dealReference: nil, size: position.dealSize, direction: position.direction,
                limitLevel: position.limitLevel, level: position.openLevel, currency: position.currency,
                controlledRisk: position.controlledRisk, stopLevel: position.stopLevel,
                trailingStep: position.trailingStep, trailingStopDistance: position.trailingStopDistance,
                limitedRiskPremium: position.limitedRiskPremium),
            market: market)
    }
}

/// The body of `GET /positions` (v1).
public struct PositionsResponseV1: Codable, Sendable, Hashable {
    /// The open positions.
    public var positions: [OpenPositionV1]
}

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

/// One entry of `GET /workingorders` (v1).
public struct WorkingOrderEntryV1: Codable, Sendable, Hashable, Identifiable {
    /// The order.
    public var workingOrderData: WorkingOrderV1
    /// Its market, with current prices.
    public var marketData: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { workingOrderData.dealId }
}

/// The body of `GET /workingorders` (v1).
public struct WorkingOrdersResponseV1: Codable, Sendable, Hashable {
    /// The working orders.
    public var workingOrders: [WorkingOrderEntryV1]
}
