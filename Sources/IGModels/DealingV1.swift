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

/// One entry of `GET /positions` (v1).
public struct OpenPositionV1: Codable, Sendable, Hashable, Identifiable {
    public var position: PositionV1
    public var market: PositionMarket

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
    public var positions: [OpenPositionV1]
}

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

/// One entry of `GET /workingorders` (v1).
public struct WorkingOrderEntryV1: Codable, Sendable, Hashable, Identifiable {
    public var workingOrderData: WorkingOrderV1
    public var marketData: PositionMarket

    public var id: DealId { workingOrderData.dealId }
}

/// The body of `GET /workingorders` (v1).
public struct WorkingOrdersResponseV1: Codable, Sendable, Hashable {
    public var workingOrders: [WorkingOrderEntryV1]
}
