public import Foundation
public import IGModels

/// One update of a legacy `MARKET:{epic}` item.
public struct IGMarketUpdate: Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// `BID`.
    public var bid: Decimal?
    /// `OFFER`.
    public var offer: Decimal?
    /// `HIGH`.
    public var high: Decimal?
    /// `LOW`.
    public var low: Decimal?
    /// `MID_OPEN`.
    public var midOpen: Decimal?
    /// `CHANGE`: against the open.
    public var change: Decimal?
    /// `CHANGE_PCT`: against the open, in percent.
    public var changePercent: Decimal?
    /// `UPDATE_TIME` resolved to a UTC date (IG sends a UK-local time of day; see
    /// ``IGStreamingValues/ukTimeOfDay(_:near:)``).
    public var updateTime: Date?
    /// `UPDATE_TIME` as sent (`HH:mm:ss`, UK local time).
    public var updateTimeText: String?
    /// `MARKET_DELAY`: whether prices are delayed.
    public var isDelayed: Bool?
    /// `MARKET_STATE`.
    public var marketState: MarketStatus?
    /// The fields whose value changed with this update.
    public var changedFields: Set<String>
    /// Whether this is the item's snapshot.
    public var isSnapshot: Bool
}
