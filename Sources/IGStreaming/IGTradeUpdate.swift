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
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accepted: Self = "ACCEPTED"
    public static let rejected: Self = "REJECTED"
}

/// `{dealId, status}` of a deal affected by a confirmation.
public struct IGAffectedDeal: Sendable, Hashable, Codable {
    public var dealId: DealId?
    /// `AMENDED`, `DELETED`, `FULLY_CLOSED`, `OPENED` or `PARTIALLY_CLOSED`.
    public var status: String?
}

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

/// The `OPU` payload: an open-position update.
public struct IGOpenPositionUpdate: Sendable, Hashable, Codable {
    public var dealReference: DealReference?
    public var dealId: DealId?
    public var dealIdOrigin: DealId?
    public var epic: Epic?
    public var direction: Direction?
    /// `OPEN`, `UPDATED` or `DELETED`.
    public var status: String?
    public var dealStatus: IGDealStatus?
    public var level: Decimal?
    public var size: Decimal?
    public var stopLevel: Decimal?
    public var limitLevel: Decimal?
    public var guaranteedStop: Bool?
    public var trailingStopDistance: Decimal?
    public var trailingStep: Decimal?
    public var expiry: String?
    public var currency: String?
    public var channel: String?
    /// The update's time as IG sends it (account-local, no zone, e.g. `2022-05-13T12:55:48.761`).
    public var timestamp: String?
}

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
