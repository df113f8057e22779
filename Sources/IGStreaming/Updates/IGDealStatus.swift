import Foundation
public import IGModels

/// A deal's status in a confirmation (`OPEN`, `AMENDED`, `PARTIALLY_CLOSED`, `CLOSED`, `DELETED`; tolerant).
public struct IGDealStatus: IGStringValue {
    /// The status as IG writes it.
    public let rawValue: String
    /// Wraps a status IG sent.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// IG accepted the deal.
    public static let accepted: Self = "ACCEPTED"
    /// IG rejected the deal.
    public static let rejected: Self = "REJECTED"
}
