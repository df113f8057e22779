public import Foundation
public import IGModels

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
