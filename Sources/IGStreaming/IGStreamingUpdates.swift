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

/// Open, high, low and close of one price series in a candle.
public struct IGOHLC: Sendable, Hashable {
    /// Opening price.
    public var open: Decimal?
    /// Highest price.
    public var high: Decimal?
    /// Lowest price.
    public var low: Decimal?
    /// Closing (latest) price.
    public var close: Decimal?

    /// Creates OHLC values.
    public init(open: Decimal?, high: Decimal?, low: Decimal?, close: Decimal?) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
    }
}

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

/// One update of an `ACCOUNT:{accountId}` item.
public struct IGAccountUpdate: Sendable, Hashable {
    /// The account.
    public var accountId: AccountId
    /// `PNL`: profit and loss.
    public var profitAndLoss: Decimal?
    /// `DEPOSIT`: the deposit required for margins.
    public var deposit: Decimal?
    /// `AVAILABLE_CASH`.
    public var availableCash: Decimal?
    /// `PNL_LR`: profit and loss of limited-risk positions.
    public var profitAndLossLimitedRisk: Decimal?
    /// `PNL_NLR`: profit and loss of non-limited-risk positions.
    public var profitAndLossNonLimitedRisk: Decimal?
    /// `FUNDS`.
    public var funds: Decimal?
    /// `MARGIN`.
    public var margin: Decimal?
    /// `MARGIN_LR`.
    public var marginLimitedRisk: Decimal?
    /// `MARGIN_NLR`.
    public var marginNonLimitedRisk: Decimal?
    /// `AVAILABLE_TO_DEAL`.
    public var availableToDeal: Decimal?
    /// `EQUITY`.
    public var equity: Decimal?
    /// `EQUITY_USED`.
    public var equityUsed: Decimal?
    /// The fields whose value changed with this update.
    public var changedFields: Set<String>
    /// Whether this is the item's snapshot.
    public var isSnapshot: Bool
}
