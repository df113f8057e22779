import Foundation

/// The body of `GET /workingorders` (v2).
public struct WorkingOrdersResponse: Codable, Sendable, Hashable {
    /// The working orders.
    public var workingOrders: [WorkingOrderEntry]
}
