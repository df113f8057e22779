import Foundation

/// Live quotes and candles that continue the ``PriceEngine`` path.
///
/// At every whole second the quote equals the engine's close of that second (what REST returns); between seconds
/// the `updatesPerSecond` sub-ticks walk deterministically from the second's open towards its close inside its
/// low…high range. A value type owned by one connection's pump: it caches one second of context per epic.
struct MarketFeed {
    let seed: UInt64
    /// Recorded prices replayed instead of the synthetic path.
    let replay: PriceReplay?
    private var contexts: [String: Context] = [:]

    private struct Context {
        var path: PricePath
        var second: Int64
        var bar: TickBar
        var dayOpen: Int64
        var dayHigh: Int64
        var dayLow: Int64
        var dayVolume: Int64
        var trading: Bool
        /// False when replayed or relayed prices hold nothing at or before the requested second.
        var hasPrice: Bool
        /// True when `second` is the requested second itself (a price of that second, not an earlier one carried).
        var fresh: Bool
        /// Offer minus bid in ticks at `second` (recorded for a replay, the path's constant otherwise).
        var spread: Int64
        /// Aggregate of the completed seconds of the candle in progress, by candle length.
        var candlePrefix: [Int64: TickBar?] = [:]
    }

    init(seed: UInt64, replay: PriceReplay? = nil) {
        self.seed = seed
        self.replay = replay
    }

    private func path(_ instrument: Instrument) -> PricePath {
        PricePath(
            seed: self.seed, profile: instrument.priceProfile, replay: self.replay?.series(for: instrument.priceProfile)
        )
    }

    /// The quote of `instrument` at `millis` (epoch ms), sub-tick `index` of `perSecond`.
    mutating func tick(_ instrument: Instrument, millis: Int64, index: Int, perSecond: Int) -> MarketTick {
        let context = self.context(instrument, second: CivilTime.floorDiv(millis, 1000))
        let bar = context.bar
        var bid = bar.close
        // A replayed or live price is streamed as recorded; only the synthetic path walks between seconds.
        if context.fresh, context.path.replay == nil, perSecond > 1, index < perSecond - 1 {
            let fraction = Double(index + 1) / Double(perSecond)
            let base = Double(bar.open) + Double(bar.close - bar.open) * fraction
            let hash = DeterministicHash.combine(
                self.seed, DeterministicHash.word(context.second), UInt64(index), UInt64(bar.open))
            let swing = (Double(hash % 1000) / 1000 - 0.5) * Double(bar.high - bar.low) * (1 - fraction)
            bid = Swift.min(bar.high, Swift.max(bar.low, Int64((base + swing).rounded())))
        }
        // The tick's time is its slot on the second's grid of `perSecond` ticks, not the moment this connection's
        // pump read it: every session streams the same tick with the same UTM, as IG's server-side tick times are.
        let grid = Swift.max(1, 1000 / Int64(Swift.max(1, perSecond)))
        let slot = millis - CivilTime.floorDiv(millis, 1000) * 1000
        return MarketTick(
            bid: bid,
            spread: context.spread,
            decimals: instrument.priceProfile.decimalPlaces,
            millis: context.fresh && context.path.replay == nil ? millis - slot % grid : context.second * 1000,
            second: context.second,
            dayOpen: context.dayOpen,
            dayHigh: Swift.max(context.dayHigh, bid),
            dayLow: Swift.min(context.dayLow, bid),
            dayVolume: context.dayVolume,
            trading: context.trading,
            hasPrice: context.hasPrice
        )
    }

    /// The candle of `length` seconds that contains `tick`: completed seconds plus the running quote.
    mutating func candle(_ instrument: Instrument, tick: MarketTick, length: Int64) -> (start: Int64, bar: TickBar) {
        let key = instrument.epic.uppercased()
        var context = self.context(instrument, second: tick.second)
        let start = CivilTime.floorDiv(tick.second, length) * length
        let prefix: TickBar?
        if let cached = context.candlePrefix[length] {
            prefix = cached
        } else {
            var cursor = PathCursor(path: context.path)
            prefix = start < tick.second ? cursor.aggregate(from: start, to: tick.second) : nil
            context.candlePrefix[length] = .some(prefix)
            self.contexts[key] = context
        }
        // A replayed bar is whole when it becomes visible (at its close); a synthetic second still runs.
        let partial =
            context.path.replay != nil
            ? context.bar
            : TickBar(
                open: context.bar.open, high: Swift.max(context.bar.open, tick.bid),
                low: Swift.min(context.bar.open, tick.bid), close: tick.bid, volume: Swift.max(1, context.bar.volume))
        return (start, prefix.map { $0.followed(by: partial) } ?? partial)
    }

    /// The complete candle of `length` seconds starting at `start`.
    func completedCandle(_ instrument: Instrument, start: Int64, length: Int64) -> TickBar? {
        var cursor = PathCursor(path: self.path(instrument))
        return cursor.aggregate(from: start, to: start + length)
    }

    private mutating func context(_ instrument: Instrument, second requested: Int64) -> Context {
        let key = instrument.epic.uppercased()
        let live = self.replay?.isLive ?? false
        if let context = self.contexts[key] {
            if context.fresh, context.second == requested { return context }
            if !live, !context.fresh,
                context.second == PathCursor(path: context.path).lastTradingSecond(atOrBefore: requested)
            {
                var carried = context
                carried.trading = context.path.replay.map { $0.isTrading(at: requested) } ?? false
                return carried
            }
        }
        // A live path grows: read it again rather than keep the one cached.
        let path = (live ? nil : self.contexts[key]?.path) ?? self.path(instrument)
        var cursor = PathCursor(path: path)
        let second = cursor.lastTradingSecond(atOrBefore: requested)
        let bar = cursor.secondBar(second) ?? TickBar(open: 1, high: 1, low: 1, close: 1, volume: 1)
        let dayStart = CivilTime.floorDiv(second, CivilTime.secondsPerDay) * CivilTime.secondsPerDay
        let day = cursor.aggregate(from: dayStart, to: second + 1) ?? bar
        let context = Context(
            path: path, second: second, bar: bar, dayOpen: day.open, dayHigh: day.high, dayLow: day.low,
            dayVolume: day.volume,
            trading: path.replay.map { $0.isTrading(at: requested) } ?? (second == requested),
            hasPrice: path.replay.map { $0.hasPrice(at: requested) } ?? true,
            fresh: second == requested, spread: PriceEngine.spread(path, atOrBefore: second))
        self.contexts[key] = context
        return context
    }
}
