import Foundation

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
