public import Foundation
public import IGModels

/// The latest tick values of one market (the counterpart of trading-ig's `Ticker`).
public struct IGTicker: Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// Time of the last tick.
    public var timestamp: Date?
    /// The latest bid.
    public var bid: Decimal?
    /// The latest offer.
    public var offer: Decimal?
    /// The last traded price, where the market has one.
    public var lastTradedPrice: Decimal?
    /// The last traded volume.
    public var lastTradedVolume: Decimal?
    /// The volume traded since the previous tick.
    public var incrementalVolume: Decimal?
    /// Today's opening mid price.
    public var dayOpenMid: Decimal?
    /// Today's change of the mid price.
    public var dayNetChangeMid: Decimal?
    /// Today's change of the mid price, in percent.
    public var dayPercentChangeMid: Decimal?
    /// Today's high.
    public var dayHigh: Decimal?
    /// Today's low.
    public var dayLow: Decimal?
    /// Ticks applied so far.
    public var tickCount: Int = 0

    /// An empty ticker.
    public init(epic: Epic) {
        self.epic = epic
    }

    /// Applies a tick: only the fields it changed (a null value never erases a known one).
    public mutating func apply(_ tick: IGChartTick) {
        func take(_ field: String, _ value: Decimal?, into target: inout Decimal?) {
            if tick.changedFields.contains(field), let value { target = value }
        }
        take("BID", tick.bid, into: &bid)
        take("OFR", tick.offer, into: &offer)
        take("LTP", tick.lastTradedPrice, into: &lastTradedPrice)
        take("LTV", tick.lastTradedVolume, into: &lastTradedVolume)
        take("TTV", tick.incrementalVolume, into: &incrementalVolume)
        take("DAY_OPEN_MID", tick.dayOpenMid, into: &dayOpenMid)
        take("DAY_NET_CHG_MID", tick.dayNetChangeMid, into: &dayNetChangeMid)
        take("DAY_PERC_CHG_MID", tick.dayPercentChangeMid, into: &dayPercentChangeMid)
        take("DAY_HIGH", tick.dayHigh, into: &dayHigh)
        take("DAY_LOW", tick.dayLow, into: &dayLow)
        if let time = tick.time { timestamp = time }
        tickCount += 1
    }
}

extension IGStreamingClient {
    /// A live ticker board for `epics` from their `CHART:{epic}:TICK` items.
    public func tickers(_ epics: [Epic]) -> IGTickerStream {
        IGTickerStream(subscription: chartTicks(epics))
    }
}
