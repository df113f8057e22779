public import Foundation
public import IGModels

/// One update of a `PRICE:{account}:{epic}` item (latest values of the subscribed fields; `nil` = not published).
public struct IGPriceUpdate: Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// `BIDPRICE1`: best bid.
    public var bid: Decimal?
    /// `ASKPRICE1`: best offer.
    public var ask: Decimal?
    /// `BIDSIZE1`.
    public var bidSize: Decimal?
    /// `ASKSIZE1`.
    public var askSize: Decimal?
    /// `HIGH`: the day's high.
    public var high: Decimal?
    /// `LOW`: the day's low.
    public var low: Decimal?
    /// `MID_OPEN`: the day's opening mid price.
    public var midOpen: Decimal?
    /// `NET_CHG`: change against the open.
    public var netChange: Decimal?
    /// `TIMESTAMP` (epoch milliseconds) as a UTC date.
    public var timestamp: Date?
    /// `DLG_FLAG`: the dealing state as IG sends it (e.g. `DEAL`, `CLOSED`), trimmed.
    public var dealingFlag: String?
    /// The fields whose value changed with this update.
    public var changedFields: Set<String>
    /// Whether this is the item's snapshot (its first values) rather than a live update.
    public var isSnapshot: Bool
}
