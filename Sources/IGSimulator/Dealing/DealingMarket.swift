import Foundation

/// The dealing engine's view of the markets: instruments, quotes and the price path, all deterministic.
///
/// Levels are `Decimal` rounded to the instrument's quote precision. A *point* (the unit of stop and limit
/// distances and of spread-bet stakes) is 1 for markets quoted in points (spread-bet FX, indices, commodities and
/// shares) and `0.0001` (`0.01` for JPY pairs) for CFD FX quoted raw; `Instrument.pointDecimals` says which.
struct DealingMarket: Sendable {
    let catalog: Catalog
    let prices: PriceEngine

    /// A two-way quote in `Decimal`.
    struct Quote: Sendable, Hashable {
        var bid: Decimal
        var offer: Decimal
    }

    /// The bid/offer extremes of the path over an interval, and the second they were observed in.
    struct Touch: Sendable, Hashable {
        /// The second (UTC) in which the level was first reached.
        var second: Int64
        /// The bid at the start of that second (used to fill gapped stops).
        var openBid: Decimal
        /// The offer at the start of that second.
        var openOffer: Decimal
    }

    /// Which side of the quote a trigger watches, and in which direction.
    enum Trigger: Sendable, Hashable {
        case bidAtOrBelow(Decimal)
        case bidAtOrAbove(Decimal)
        case offerAtOrBelow(Decimal)
        case offerAtOrAbove(Decimal)
    }

    func instrument(_ epic: String) -> Instrument? { self.catalog.instrument(epic: epic) }

    /// The size of one point of `instrument` in price units (see `Instrument.pointDecimals`).
    static func pointSize(_ instrument: Instrument) -> Decimal {
        Decimal(sign: .plus, exponent: -max(0, min(instrument.pointDecimals, 12)), significand: 1)
    }

    /// `value` rounded to the instrument's quote precision.
    static func rounded(_ value: Decimal, _ instrument: Instrument) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, instrument.priceProfile.decimalPlaces, .plain)
        return output
    }

    /// True when the market deals at `date` (weekends are closed except for crypto).
    func isOpen(_ instrument: Instrument, at date: Date) -> Bool {
        self.prices.isTrading(instrument.priceProfile, at: date)
    }

    /// The quote at `date`.
    func quote(_ instrument: Instrument, at date: Date) -> Quote {
        let path = self.prices.path(instrument.priceProfile)
        var cursor = PathCursor(path: path)
        let second = cursor.lastTradingSecond(atOrBefore: PriceEngine.second(date))
        let close = cursor.secondBar(second)?.close ?? 1
        // The offer is the bid plus the spread recorded then (a replay or live source), as the data says.
        return self.quote(ticks: close, path: path, spread: PriceEngine.spread(path, atOrBefore: second))
    }

    private func quote(ticks: Int64, path: PricePath, spread: Int64? = nil) -> Quote {
        let places = path.profile.decimalPlaces
        let bid = Decimal(sign: ticks < 0 ? .minus : .plus, exponent: -places, significand: Decimal(abs(ticks)))
        let offer = Decimal(
            sign: .plus, exponent: -places, significand: Decimal(abs(ticks + (spread ?? path.spreadTicks))))
        return Quote(bid: bid, offer: offer)
    }

    /// The first second in `[from, to)` (UTC seconds) in which the path reaches `trigger`, or nil.
    func firstTouch(_ instrument: Instrument, _ trigger: Trigger, from: Int64, to: Int64) -> Touch? {
        guard to > from else { return nil }
        let path = self.prices.path(instrument.priceProfile)
        var cursor = PathCursor(path: path)
        let scale = Decimal(sign: .plus, exponent: path.profile.decimalPlaces, significand: 1)
        // Express the trigger as a condition on bid ticks.
        let threshold: Int64
        let below: Bool
        switch trigger {
        case .bidAtOrBelow(let level):
            threshold = Self.ticks(level * scale, roundingUp: false)
            below = true
        case .bidAtOrAbove(let level):
            threshold = Self.ticks(level * scale, roundingUp: true)
            below = false
        case .offerAtOrBelow(let level):
            threshold = Self.ticks(level * scale, roundingUp: false) - path.spreadTicks
            below = true
        case .offerAtOrAbove(let level):
            threshold = Self.ticks(level * scale, roundingUp: true) - path.spreadTicks
            below = false
        }
        func touched(_ bar: TickBar?) -> Bool {
            guard let bar else { return false }
            return below ? bar.low <= threshold : bar.high >= threshold
        }
        // Walk day by day (cheap aggregates), then bisect the first touching day down to the second.
        var start = from
        while start < to {
            let dayEnd = min(to, (CivilTime.floorDiv(start, CivilTime.secondsPerDay) + 1) * CivilTime.secondsPerDay)
            if touched(cursor.aggregate(from: start, to: dayEnd)) {
                var low = start
                var high = dayEnd
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if touched(cursor.aggregate(from: low, to: middle)) { high = middle } else { low = middle }
                }
                let open = cursor.secondBar(low)?.open ?? threshold
                let quote = self.quote(ticks: open, path: path, spread: PriceEngine.spread(path, atOrBefore: low))
                return Touch(second: low, openBid: quote.bid, openOffer: quote.offer)
            }
            start = dayEnd
        }
        return nil
    }

    /// The highest bid and lowest offer reached in `[from, to)`, or nil when the market did not trade.
    func extremes(_ instrument: Instrument, from: Int64, to: Int64) -> (highBid: Decimal, lowOffer: Decimal)? {
        guard to > from else { return nil }
        let path = self.prices.path(instrument.priceProfile)
        var cursor = PathCursor(path: path)
        guard let bar = cursor.aggregate(from: from, to: to) else { return nil }
        return (self.quote(ticks: bar.high, path: path).bid, self.quote(ticks: bar.low, path: path).offer)
    }

    private static func ticks(_ value: Decimal, roundingUp: Bool) -> Int64 {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, roundingUp ? .up : .down)
        return (output as NSDecimalNumber).int64Value
    }
}
