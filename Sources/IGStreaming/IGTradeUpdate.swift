public import Foundation
public import IGModels

/// One event of a `TRADE:{accountId}` item: a field (`CONFIRMS`, `OPU` or `WOU`) that changed, decoded.
///
/// IG resends unchanged `CONFIRMS`/`WOU` values as "unchanged", so a consumer merging values would still hold old
/// ones; this module emits a payload only when its field changed with the update.
public struct IGTradeUpdate: Sendable, Hashable {
    /// What changed.
    public enum Payload: Sendable, Hashable {
        /// `CONFIRMS`: a deal confirmation.
        case confirmation(IGTradeConfirmation)
        /// `OPU`: an open position was opened, updated or deleted.
        case openPosition(IGOpenPositionUpdate)
        /// `WOU`: a working order was opened, updated or deleted.
        case workingOrder(IGWorkingOrderUpdate)
        /// A payload that could not be decoded, kept raw (`field` is `CONFIRMS`, `OPU` or `WOU`).
        case undecodable(field: String, json: String)
    }

    /// The account.
    public var accountId: AccountId
    /// The decoded payload.
    public var payload: Payload
    /// Whether the event belongs to the item's snapshot (a value that predates the subscription).
    public var isSnapshot: Bool
}

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

/// `{dealId, status}` of a deal affected by a confirmation.
public struct IGAffectedDeal: Sendable, Hashable, Codable {
    /// The deal affected.
    public var dealId: DealId?
    /// `AMENDED`, `DELETED`, `FULLY_CLOSED`, `OPENED` or `PARTIALLY_CLOSED`.
    public var status: String?
}

/// The `CONFIRMS` payload: a deal confirmation.
public struct IGTradeConfirmation: Sendable, Hashable, Codable {
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// IG's id of the position or working order.
    public var dealId: DealId?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// The deal size (stake per point for spread bets, contracts for CFDs).
    public var size: Decimal?
    /// The deal level.
    public var level: Decimal?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// `OPEN`, `AMENDED`, `PARTIALLY_CLOSED`, `CLOSED` or `DELETED`.
    public var status: String?
    /// `ACCEPTED` or `REJECTED`: a rejection is data, not an error.
    public var dealStatus: IGDealStatus?
    /// Why a deal was rejected (or `SUCCESS`).
    public var reason: String?
    /// The deals the request affected.
    public var affectedDeals: [IGAffectedDeal]?
    /// The realised profit or loss, for a close.
    public var profit: Decimal?
    /// The currency of `profit`.
    public var profitCurrency: String?
    /// The confirmation's date as IG sends it (local time, no zone).
    public var date: String?
}

/// The `OPU` payload: an open-position update.
public struct IGOpenPositionUpdate: Sendable, Hashable, Codable {
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// IG's id of the position or working order.
    public var dealId: DealId?
    /// The deal this one came from (a partial close keeps the original).
    public var dealIdOrigin: DealId?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// `OPEN`, `UPDATED` or `DELETED`.
    public var status: String?
    /// `ACCEPTED` or `REJECTED`.
    public var dealStatus: IGDealStatus?
    /// The opening level.
    public var level: Decimal?
    /// The position's size.
    public var size: Decimal?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// The trailing stop's distance, in points.
    public var trailingStopDistance: Decimal?
    /// The trailing stop's step, in points.
    public var trailingStep: Decimal?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The currency, e.g. `GBP`.
    public var currency: String?
    /// Where the change came from (web, the API, the system…).
    public var channel: String?
    /// The update's time as IG sends it (account-local, no zone, e.g. `2022-05-13T12:55:48.761`).
    public var timestamp: String?
}

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
