import Foundation

/// One entry of `GET /workingorders` (v2).
public struct WorkingOrderEntry: Codable, Sendable, Hashable, Identifiable {
    /// The order.
    public var workingOrderData: WorkingOrder
    /// Its market, with current prices.
    public var marketData: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { workingOrderData.dealId }
}
