import Foundation

/// Field values of the streaming items, computed from a market tick or account figures. Pure.
enum StreamValues {
    /// A candle being published: its bar and whether it is complete (`CONS_END`).
    struct CandleState {
        var start: Int64
        var bar: TickBar
        var complete: Bool
    }

    /// Values of a PRICE, MARKET or CHART item.
    static func market(
        _ fields: [StreamField], instrument: Instrument, tick: MarketTick, candle: CandleState? = nil
    ) -> [String?] {
        let decimals = tick.decimals
        func price(_ ticks: Int64) -> String { TLCPEncoding.decimal(ticks, decimals: decimals) }
        // Mid prices carry one more decimal so that half ticks stay exact.
        func mid(_ bid: Int64) -> String { TLCPEncoding.decimal((2 * bid + tick.spread) * 5, decimals: decimals + 1) }
        func change(_ ticks: Int64) -> String { TLCPEncoding.decimal(ticks, decimals: decimals) }
        let net = tick.bid - tick.dayOpen
        func percentText() -> String {
            let percent = tick.dayOpen > 0 ? Double(net) / Double(tick.dayOpen) * 100 : 0
            return String(format: "%.2f", percent)
        }
        return fields.map { field -> String? in
            switch field {
            case .bid: return price(tick.bid)
            case .offer: return price(tick.ask)
            case .high: return price(tick.dayHigh)
            case .low: return price(tick.dayLow)
            case .midOpen, .dayOpenMid: return mid(tick.dayOpen)
            case .change, .netChange, .dayNetChangeMid: return change(net)
            case .changePercent, .dayPercentChangeMid: return percentText()
            case .dayHigh: return mid(tick.dayHigh)
            case .dayLow: return mid(tick.dayLow)
            case .updateTime: return CivilTime.london(utcSeconds: tick.millis / 1000).timeString
            case .marketDelay: return "0"
            case .marketState: return tick.trading ? "TRADEABLE" : "CLOSED"
            case .bidPrice(let level): return price(tick.bid - Int64(level - 1) * tick.spread)
            case .askPrice(let level): return price(tick.ask + Int64(level - 1) * tick.spread)
            case .bidSize(let level), .askSize(let level): return String(level * 1000)
            case .bidQuoteId: return Self.quoteId(instrument, tick, side: "B")
            case .askQuoteId: return Self.quoteId(instrument, tick, side: "A")
            case .currency: return instrument.defaultCurrency.code
            case .timestamp: return String(tick.millis)
            case .dealingFlag: return tick.trading ? "DEAL" : "CLOSED"
            case .lastTradedPrice: return nil
            case .lastTradedVolume: return candle == nil ? "1" : nil
            case .totalVolume: return String(tick.dayVolume)
            case .updateMillis: return String(candle.map { $0.start * 1000 } ?? tick.millis)
            case .candleBid(let part): return candle.map { price(Self.part($0.bar, part)) }
            case .candleOffer(let part): return candle.map { price(Self.part($0.bar, part) + tick.spread) }
            case .candleLast: return nil
            case .candleEnd: return candle.map { $0.complete ? "1" : "0" }
            case .candleTickCount: return candle.map { String($0.bar.volume) }
            default: return nil
            }
        }
    }

    /// Values of an ACCOUNT item.
    static func account(_ fields: [StreamField], figures: AccountFigures) -> [String?] {
        func money(_ value: Double) -> String { String(format: "%.2f", value) }
        return fields.map { field -> String? in
            switch field {
            case .pnl: money(figures.pnl)
            case .deposit: money(figures.deposit)
            case .availableCash: money(figures.availableCash)
            case .pnlLimitedRisk: money(figures.pnlLimitedRisk)
            case .pnlNonLimitedRisk: money(figures.pnlNonLimitedRisk)
            case .funds: money(figures.funds)
            case .margin: money(figures.margin)
            case .marginLimitedRisk: money(figures.marginLimitedRisk)
            case .marginNonLimitedRisk: money(figures.marginNonLimitedRisk)
            case .availableToDeal: money(figures.availableToDeal)
            case .equity: money(figures.equity)
            case .equityUsed: money(figures.equityUsed)
            default: nil
            }
        }
    }

    private static func part(_ bar: TickBar, _ part: StreamField.Candle) -> Int64 {
        switch part {
        case .open: bar.open
        case .high: bar.high
        case .low: bar.low
        case .close: bar.close
        }
    }

    private static func quoteId(_ instrument: Instrument, _ tick: MarketTick, side: String) -> String {
        let hash = DeterministicHash.combine(DeterministicHash.fnv1a(instrument.epic), UInt64(bitPattern: tick.millis))
        return side + String(hash & 0xFFFF_FFFF_FFFF, radix: 16, uppercase: true)
    }
}
