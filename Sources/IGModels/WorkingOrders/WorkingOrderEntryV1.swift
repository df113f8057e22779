import Foundation

/// One entry of `GET /workingorders` (v1).
public struct WorkingOrderEntryV1: Codable, Sendable, Hashable, Identifiable {
    public var workingOrderData: WorkingOrderV1
    public var marketData: PositionMarket

    public var id: DealId { workingOrderData.dealId }
}
