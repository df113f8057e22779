/// A field a subscription asked for, resolved once so that updates only index arrays.
enum StreamField: Sendable, Hashable {
    // Quotes.
    case bid, offer, high, low, midOpen, change, changePercent, updateTime, marketDelay, marketState
    case bidPrice(Int), askPrice(Int), bidSize(Int), askSize(Int), bidQuoteId, askQuoteId, currency
    case timestamp, dealingFlag, netChange
    // Charts.
    case lastTradedPrice, lastTradedVolume, totalVolume, updateMillis
    case dayOpenMid, dayNetChangeMid, dayPercentChangeMid, dayHigh, dayLow
    case candleBid(Candle), candleOffer(Candle), candleLast(Candle), candleEnd, candleTickCount
    // Account.
    case pnl, deposit, availableCash, pnlLimitedRisk, pnlNonLimitedRisk, funds, margin, marginLimitedRisk
    case marginNonLimitedRisk, availableToDeal, equity, equityUsed
    // Trade.
    case confirms, openPositionUpdate, workingOrderUpdate
    /// A name the item does not publish: always null.
    case unknown

    /// Open, high, low or close of a candle.
    enum Candle: Sendable, Hashable { case open, high, low, close }

    /// Resolves a field name for a family; unknown names are accepted and stay null, as IG's adapters do.
    init(name: String, family: StreamItem.Family) {
        let name = name.uppercased()
        switch family {
        case .price: self = Self.priceField(name)
        case .market: self = Self.marketField(name)
        case .chartTick, .chartCandle: self = Self.chartField(name, candle: family == .chartCandle)
        case .account: self = Self.accountField(name)
        case .trade:
            switch name {
            case "CONFIRMS": self = .confirms
            case "OPU": self = .openPositionUpdate
            case "WOU": self = .workingOrderUpdate
            default: self = .unknown
            }
        }
    }

    private static func priceField(_ name: String) -> StreamField {
        for (prefix, make) in [
            ("BIDPRICE", StreamField.bidPrice), ("ASKPRICE", StreamField.askPrice),
            ("BIDSIZE", StreamField.bidSize), ("ASKSIZE", StreamField.askSize),
        ] where name.hasPrefix(prefix) {
            if let level = Int(name.dropFirst(prefix.count)), (1...5).contains(level) { return make(level) }
            return .unknown
        }
        switch name {
        case "BIDQUOTEID": return .bidQuoteId
        case "ASKQUOTEID": return .askQuoteId
        case "CURRENCY0", "CURRENCY1", "CURRENCY": return .currency
        case "MID_OPEN": return .midOpen
        case "HIGH": return .high
        case "LOW": return .low
        case "TIMESTAMP": return .timestamp
        case "DLG_FLAG": return .dealingFlag
        case "NET_CHG": return .netChange
        default: return .unknown
        }
    }

    private static func marketField(_ name: String) -> StreamField {
        switch name {
        case "BID": .bid
        case "OFFER": .offer
        case "HIGH": .high
        case "LOW": .low
        case "MID_OPEN": .midOpen
        case "CHANGE": .change
        case "CHANGE_PCT": .changePercent
        case "UPDATE_TIME": .updateTime
        case "MARKET_DELAY": .marketDelay
        case "MARKET_STATE": .marketState
        default: .unknown
        }
    }

    private static func chartField(_ name: String, candle: Bool) -> StreamField {
        switch name {
        case "BID": return candle ? .unknown : .bid
        case "OFR": return candle ? .unknown : .offer
        case "LTP": return candle ? .unknown : .lastTradedPrice
        case "LTV": return .lastTradedVolume
        case "TTV": return .totalVolume
        case "UTM": return .updateMillis
        case "DAY_OPEN_MID": return .dayOpenMid
        case "DAY_NET_CHG_MID": return .dayNetChangeMid
        case "DAY_PERC_CHG_MID": return .dayPercentChangeMid
        case "DAY_HIGH": return .dayHigh
        case "DAY_LOW": return .dayLow
        case "CONS_END": return candle ? .candleEnd : .unknown
        case "CONS_TICK_COUNT": return candle ? .candleTickCount : .unknown
        default: break
        }
        guard candle else { return .unknown }
        let parts = name.split(separator: "_")
        guard parts.count == 2 else { return .unknown }
        let part: Candle
        switch parts[1] {
        case "OPEN": part = .open
        case "HIGH": part = .high
        case "LOW": part = .low
        case "CLOSE": part = .close
        default: return .unknown
        }
        switch parts[0] {
        case "BID": return .candleBid(part)
        case "OFR": return .candleOffer(part)
        case "LTP": return .candleLast(part)
        default: return .unknown
        }
    }

    private static func accountField(_ name: String) -> StreamField {
        switch name {
        case "PNL": .pnl
        case "DEPOSIT": .deposit
        case "AVAILABLE_CASH": .availableCash
        case "PNL_LR": .pnlLimitedRisk
        case "PNL_NLR": .pnlNonLimitedRisk
        case "FUNDS": .funds
        case "MARGIN": .margin
        case "MARGIN_LR": .marginLimitedRisk
        case "MARGIN_NLR": .marginNonLimitedRisk
        case "AVAILABLE_TO_DEAL": .availableToDeal
        case "EQUITY": .equity
        case "EQUITY_USED": .equityUsed
        default: .unknown
        }
    }
}
