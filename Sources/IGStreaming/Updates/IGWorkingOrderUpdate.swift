public import Foundation
public import IGModels

/// The `WOU` payload: a working-order update.
public struct IGWorkingOrderUpdate: Sendable, Hashable, Codable {
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// IG's id of the position or working order.
    public var dealId: DealId?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// `OPEN`, `UPDATED` or `DELETED`.
    public var status: String?
    /// `ACCEPTED` or `REJECTED`.
    public var dealStatus: IGDealStatus?
    /// The trigger level.
    public var level: Decimal?
    /// The order's size.
    public var size: Decimal?
    /// The stop's distance from the deal level, in points.
    public var stopDistance: Decimal?
    /// The limit's distance from the deal level, in points.
    public var limitDistance: Decimal?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// `LIMIT` or `STOP`.
    public var orderType: String?
    /// `GOOD_TILL_CANCELLED` or `GOOD_TILL_DATE`.
    public var timeInForce: String?
    /// When a `GOOD_TILL_DATE` order expires, as IG writes it.
    public var goodTillDate: String?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The currency, e.g. `GBP`.
    public var currency: String?
    /// Where the change came from (web, the API, the system…).
    public var channel: String?
    /// The update's time as IG sends it (account-local, no zone).
    public var timestamp: String?
}
