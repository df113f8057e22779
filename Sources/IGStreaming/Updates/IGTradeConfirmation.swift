public import Foundation
public import IGModels

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
