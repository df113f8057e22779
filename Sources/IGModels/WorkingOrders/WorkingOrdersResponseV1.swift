import Foundation

/// The body of `GET /workingorders` (v1).
public struct WorkingOrdersResponseV1: Codable, Sendable, Hashable {
    /// The working orders.
    public var workingOrders: [WorkingOrderEntryV1]
}
