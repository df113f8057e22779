public import Foundation
public import IGModels

/// One tick of a `CHART:{epic}:TICK` item.
public struct IGChartTick: Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// `BID`.
    public var bid: Decimal?
    /// `OFR`.
    public var offer: Decimal?
    /// `LTP`: last traded price.
    public var lastTradedPrice: Decimal?
    /// `LTV`: last traded volume.
    public var lastTradedVolume: Decimal?
    /// `TTV`: incremental trading volume.
    public var incrementalVolume: Decimal?
    /// `UTM` (epoch milliseconds) as a UTC date.
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
    /// The fields whose value changed with this tick.
    public var changedFields: Set<String>
    /// Whether this tick belongs to the snapshot.
    public var isSnapshot: Bool
}
