public import Foundation
public import IGModels

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
