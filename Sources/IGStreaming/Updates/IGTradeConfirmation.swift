public import Foundation
public import IGModels

/// The `CONFIRMS` payload: a deal confirmation.
public struct IGTradeConfirmation: Sendable, Hashable, Codable {
    public var dealReference: DealReference?
    public var dealId: DealId?
    public var epic: Epic?
    public var direction: Direction?
    public var size: Decimal?
    public var level: Decimal?
    public var stopLevel: Decimal?
    public var limitLevel: Decimal?
    public var expiry: String?
    public var guaranteedStop: Bool?
    /// `OPEN`, `AMENDED`, `PARTIALLY_CLOSED`, `CLOSED` or `DELETED`.
    public var status: String?
    /// `ACCEPTED` or `REJECTED`: a rejection is data, not an error.
    public var dealStatus: IGDealStatus?
    /// Why a deal was rejected (or `SUCCESS`).
    public var reason: String?
    public var affectedDeals: [IGAffectedDeal]?
    public var profit: Decimal?
    public var profitCurrency: String?
    /// The confirmation's date as IG sends it (local time, no zone).
    public var date: String?
}
