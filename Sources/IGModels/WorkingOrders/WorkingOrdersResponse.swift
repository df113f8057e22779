import Foundation

/// The body of `GET /workingorders` (v2).
public struct WorkingOrdersResponse: Codable, Sendable, Hashable {
    public var workingOrders: [WorkingOrderEntry]
}
