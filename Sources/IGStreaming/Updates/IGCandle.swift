public import Foundation
public import IGModels

/// One update of a `CHART:{epic}:{scale}` candle item.
public struct IGCandle: Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// The candle length.
    public var scale: IGCandleScale
    /// `BID_OPEN`…`BID_CLOSE`.
    public var bid: IGOHLC
    /// `OFR_OPEN`…`OFR_CLOSE`.
    public var offer: IGOHLC
    /// `LTP_OPEN`…`LTP_CLOSE`.
    public var lastTraded: IGOHLC
    /// `LTV`.
    public var lastTradedVolume: Decimal?
    /// `TTV`.
    public var incrementalVolume: Decimal?
    /// `UTM` as a UTC date.
    public var time: Date?
    /// `DAY_OPEN_MID`.
    public var dayOpenMid: Decimal?
    /// `DAY_NET_CHG_MID`.
    public var dayNetChangeMid: Decimal?
    /// `DAY_PERC_CHG_MID`.
    public var dayPercentChangeMid: Decimal?
    /// `DAY_HIGH`.
    public var dayHigh: Decimal?
    /// `DAY_LOW`.
    public var dayLow: Decimal?
    /// `CONS_END`: the candle is complete.
    public var isComplete: Bool
    /// `CONS_TICK_COUNT`: ticks in the candle.
    public var tickCount: Int?
    /// The fields whose value changed with this update.
    public var changedFields: Set<String>
    /// Whether this is the item's snapshot.
    public var isSnapshot: Bool
}
