import Foundation

/// One entry of `GET /workingorders` (v2).
public struct WorkingOrderEntry: Codable, Sendable, Hashable, Identifiable {
    public var workingOrderData: WorkingOrder
    public var marketData: PositionMarket

    public var id: DealId { workingOrderData.dealId }
}
