import Foundation
public import IGModels

/// A deal's status in a confirmation (`OPEN`, `AMENDED`, `PARTIALLY_CLOSED`, `CLOSED`, `DELETED`; tolerant).
public struct IGDealStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accepted: Self = "ACCEPTED"
    public static let rejected: Self = "REJECTED"
}
