import Foundation
public import IGModels

/// `{dealId, status}` of a deal affected by a confirmation.
public struct IGAffectedDeal: Sendable, Hashable, Codable {
    /// The deal affected.
    public var dealId: DealId?
    /// `AMENDED`, `DELETED`, `FULLY_CLOSED`, `OPENED` or `PARTIALLY_CLOSED`.
    public var status: String?
}
