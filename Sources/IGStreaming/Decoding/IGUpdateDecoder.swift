import Foundation
import IGModels
import Lightstreamer

/// Turns item updates of one subscription into typed updates.
struct IGUpdateDecoder<Update: Sendable>: Sendable {
    /// The item names, in subscription order.
    let items: [IGStreamingItem]
    /// The schema.
    let fields: [String]
    let indices: [String: Int]
    let decode: @Sendable (IGStreamingItem, IGFieldReader, Set<String>, Bool) -> [Update]

    init(
        items: [IGStreamingItem], fields: [String],
        decode: @escaping @Sendable (IGStreamingItem, IGFieldReader, Set<String>, Bool) -> [Update]
    ) {
        self.items = items
        self.fields = fields
        var indices: [String: Int] = [:]
        for (index, name) in fields.enumerated() where indices[name] == nil { indices[name] = index }
        self.indices = indices
        self.decode = decode
    }

    func callAsFunction(_ update: TLCPItemUpdate) -> [Update] {
        guard update.item >= 1, update.item <= items.count else { return [] }
        let reader = IGFieldReader(fields: indices, update: update)
        return decode(items[update.item - 1], reader, reader.changedNames(fields), update.isSnapshot)
    }
}

extension IGUpdateDecoder where Update == IGPriceUpdate {
    static func prices(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            [
                IGPriceUpdate(
                    epic: item.epic ?? "", bid: r.decimal("BIDPRICE1"), ask: r.decimal("ASKPRICE1"),
                    bidSize: r.decimal("BIDSIZE1"), askSize: r.decimal("ASKSIZE1"), high: r.decimal("HIGH"),
                    low: r.decimal("LOW"), midOpen: r.decimal("MID_OPEN"), netChange: r.decimal("NET_CHG"),
                    timestamp: r.epochMillis("TIMESTAMP"),
                    dealingFlag: r.string("DLG_FLAG").map { $0.trimmingCharacters(in: .whitespaces) },
                    changedFields: changed, isSnapshot: snapshot)
            ]
        }
    }
}

extension IGUpdateDecoder where Update == IGMarketUpdate {
    static func markets(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            let timeText = r.string("UPDATE_TIME")
            return [
                IGMarketUpdate(
                    epic: item.epic ?? "", bid: r.decimal("BID"), offer: r.decimal("OFFER"), high: r.decimal("HIGH"),
                    low: r.decimal("LOW"), midOpen: r.decimal("MID_OPEN"), change: r.decimal("CHANGE"),
                    changePercent: r.decimal("CHANGE_PCT"),
                    updateTime: timeText.flatMap { IGStreamingValues.ukTimeOfDay($0, near: Date()) },
                    updateTimeText: timeText, isDelayed: r.string("MARKET_DELAY").map { $0 != "0" },
                    marketState: r.string("MARKET_STATE").map(MarketStatus.init(rawValue:)), changedFields: changed,
                    isSnapshot: snapshot)
            ]
        }
    }
}

extension IGUpdateDecoder where Update == IGChartTick {
    static func ticks(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            [
                IGChartTick(
                    epic: item.epic ?? "", bid: r.decimal("BID"), offer: r.decimal("OFR"),
                    lastTradedPrice: r.decimal("LTP"), lastTradedVolume: r.decimal("LTV"),
                    incrementalVolume: r.decimal("TTV"), time: r.epochMillis("UTM"),
                    dayOpenMid: r.decimal("DAY_OPEN_MID"), dayNetChangeMid: r.decimal("DAY_NET_CHG_MID"),
                    dayPercentChangeMid: r.decimal("DAY_PERC_CHG_MID"), dayHigh: r.decimal("DAY_HIGH"),
                    dayLow: r.decimal("DAY_LOW"), changedFields: changed, isSnapshot: snapshot)
            ]
        }
    }
}

extension IGUpdateDecoder where Update == IGCandle {
    static func candles(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            guard case .chartCandle(let epic, let scale) = item else { return [] }
            func ohlc(_ prefix: String) -> IGOHLC {
                IGOHLC(
                    open: r.decimal(prefix + "_OPEN"), high: r.decimal(prefix + "_HIGH"),
                    low: r.decimal(prefix + "_LOW"), close: r.decimal(prefix + "_CLOSE"))
            }
            return [
                IGCandle(
                    epic: epic, scale: scale, bid: ohlc("BID"), offer: ohlc("OFR"), lastTraded: ohlc("LTP"),
                    lastTradedVolume: r.decimal("LTV"), incrementalVolume: r.decimal("TTV"), time: r.epochMillis("UTM"),
                    dayOpenMid: r.decimal("DAY_OPEN_MID"), dayNetChangeMid: r.decimal("DAY_NET_CHG_MID"),
                    dayPercentChangeMid: r.decimal("DAY_PERC_CHG_MID"), dayHigh: r.decimal("DAY_HIGH"),
                    dayLow: r.decimal("DAY_LOW"), isComplete: r.string("CONS_END") == "1",
                    tickCount: r.int("CONS_TICK_COUNT"), changedFields: changed, isSnapshot: snapshot)
            ]
        }
    }
}

extension IGUpdateDecoder where Update == IGAccountUpdate {
    static func account(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            guard case .account(let accountId) = item else { return [] }
            return [
                IGAccountUpdate(
                    accountId: accountId, profitAndLoss: r.decimal("PNL"), deposit: r.decimal("DEPOSIT"),
                    availableCash: r.decimal("AVAILABLE_CASH"), profitAndLossLimitedRisk: r.decimal("PNL_LR"),
                    profitAndLossNonLimitedRisk: r.decimal("PNL_NLR"), funds: r.decimal("FUNDS"),
                    margin: r.decimal("MARGIN"), marginLimitedRisk: r.decimal("MARGIN_LR"),
                    marginNonLimitedRisk: r.decimal("MARGIN_NLR"), availableToDeal: r.decimal("AVAILABLE_TO_DEAL"),
                    equity: r.decimal("EQUITY"), equityUsed: r.decimal("EQUITY_USED"), changedFields: changed,
                    isSnapshot: snapshot)
            ]
        }
    }
}

extension IGUpdateDecoder where Update == IGTradeUpdate {
    /// Emits one update per JSON field that changed with this event and is not null.
    static func trades(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            guard case .trade(let accountId) = item else { return [] }
            var updates: [IGTradeUpdate] = []
            for field in IGStreamingFields.trade where changed.contains(field) {
                guard let json = r.string(field), !json.isEmpty else { continue }
                updates.append(
                    IGTradeUpdate(
                        accountId: accountId, payload: IGTradeUpdate.decodePayload(field: field, json: json),
                        isSnapshot: snapshot))
            }
            return updates
        }
    }
}
