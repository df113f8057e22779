public import Foundation
public import IGModels

/// The `WOU` payload: a working-order update.
public struct IGWorkingOrderUpdate: Sendable, Hashable, Codable {
    public var dealReference: DealReference?
    public var dealId: DealId?
    public var epic: Epic?
    public var direction: Direction?
    /// `OPEN`, `UPDATED` or `DELETED`.
    public var status: String?
    public var dealStatus: IGDealStatus?
    public var level: Decimal?
    public var size: Decimal?
    public var stopDistance: Decimal?
    public var limitDistance: Decimal?
    public var guaranteedStop: Bool?
    public var orderType: String?
    public var timeInForce: String?
    public var goodTillDate: String?
    public var expiry: String?
    public var currency: String?
    public var channel: String?
    /// The update's time as IG sends it (account-local, no zone).
    public var timestamp: String?
}
