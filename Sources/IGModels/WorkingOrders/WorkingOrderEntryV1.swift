import Foundation

/// One entry of `GET /workingorders` (v1).
public struct WorkingOrderEntryV1: Codable, Sendable, Hashable, Identifiable {
    /// The order.
    public var workingOrderData: WorkingOrderV1
    /// Its market, with current prices.
    public var marketData: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { workingOrderData.dealId }
}
