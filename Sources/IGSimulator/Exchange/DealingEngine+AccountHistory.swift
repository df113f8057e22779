import Foundation

// A standard account's deterministic past: about a year of trading written into the dealing ledger before the
// first request, so every history endpoint (activity, transactions, FIQL filters, paging) has something to serve.
//
// Everything comes from the seed and the price path: a deal opens at the path's offer (buy) or bid (sell) at its
// second, a stop or limit closes it at the first second the path reaches it (channel SYSTEM), otherwise the client
// closes it at the path's price later. Working orders fill where the path crosses their level or are cancelled.
// Positions held over IG's daily cut-off pay overnight funding exactly as the live engine charges it (same cut-off,
// formula and records), long share CFDs receive dividends, and the account's first deposit is sized so that the
// transactions sum to the account's configured balance.

extension DealingEngine {
    /// Markets a spread bet account traded in its past.
    static let spreadBetPastMarkets = [
        "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USDJPY.TODAY.IP", "IX.D.FTSE.DAILY.IP",
        "IX.D.DAX.DAILY.IP", "IX.D.DOW.DAILY.IP", "CS.D.USCGC.TODAY.IP",
    ]
    /// Markets a CFD account traded in its past (share CFDs pay dividends).
    static let cfdPastMarkets = [
        "CS.D.EURUSD.MINI.IP", "CS.D.GBPUSD.MINI.IP", "IX.D.FTSE.IFM.IP", "IX.D.DAX.IFMM.IP", "IX.D.SPTRD.IFE.IP",
        "KA.D.VOD.CASH.IP", "UA.D.AAPL.CASH.IP",
    ]

    /// Days of history written before the day of `now`.
    static let pastDays: Int64 = 365

    /// Writes every account's past (the `pastDays` before the UTC day of `now`) into the ledger; a past `memo`
    /// already holds for the same inputs is read from it instead of being written again.
    mutating func writePast(now: Date, memo: PastMemo = .shared) {
        let today = CivilTime.floorDiv(PriceEngine.second(now), CivilTime.secondsPerDay)
        for accountId in self.accounts.keys.sorted() {
            self.writePast(accountId: accountId, today: today, memo: memo)
        }
    }

    private mutating func writePast(accountId: String, today: Int64, memo: PastMemo) {
        guard let account = self.accounts[accountId] else { return }
        let epics = account.product == .cfd ? Self.cfdPastMarkets : Self.spreadBetPastMarkets
        let markets = epics.compactMap { self.market.instrument($0) }
        guard !markets.isEmpty else { return }
        let key = PastMemo.Key(
            seed: self.seed, today: today, account: account, markets: markets, settings: self.settings,
            identifiers: self.identifiers)
        let writer = self
        let record = memo.record(for: key) {
            var engine = writer
            return engine.pastRecord(account: account, markets: markets, today: today)
        }
        self.identifiers = record.identifiers
        self.accounts[accountId]?.balance = record.balance
        for activity in record.activities { self.ledger.record(activity) }
        for transaction in record.transactions { self.ledger.record(transaction) }
    }

    /// Writes an account's past: its ledger records in date order, its balance after them and the identifiers after
    /// the ones it used.
    private mutating func pastRecord(account: Account, markets: [Instrument], today: Int64) -> PastMemo.Record {
        let accountId = account.accountId
        var random = RandomStream(
            seed: DeterministicHash.combine(self.seed, 0x9A57, DeterministicHash.fnv1a(accountId)))
        var past = PastBook(accountId: accountId, currency: account.currency, symbol: account.currencySymbol)
        let first = today - Self.pastDays
        var day = first + 1
        while day < today {
            defer { day += 1 + Int64(random.index(below: 4)) }
            guard CivilTime.weekday(days: day) < 5 else { continue }
            let instrument = markets[random.index(below: markets.count)]
            let second = day * CivilTime.secondsPerDay + 8 * 3600 + Int64(random.index(below: 7 * 3600))
            guard self.market.isOpen(instrument, at: Date(timeIntervalSince1970: TimeInterval(second))) else {
                continue
            }
            if random.uniform() < 0.2 {
                self.pastWorkingOrder(instrument, at: second, before: today, random: &random, into: &past)
            } else {
                self.pastDeal(instrument, at: second, before: today, random: &random, into: &past, fromOrder: nil)
            }
        }
        if account.product == .cfd {
            self.pastDividendHolds(markets, accountId: accountId, first: first, today: today, into: &past)
        }
        // A second deposit half way through; the first is sized so the ledger sums to the configured balance.
        let middle = (first + Self.pastDays / 2) * CivilTime.secondsPerDay + 10 * 3600
        past.cash(type: "DEPO", name: "Deposit", amount: account.balance / 4, second: middle, reference: "DEPOSIT")
        let sum = past.transactions.reduce(Decimal(0)) { $0 + $1.profitAndLoss }
        let opening = max(account.balance - sum, account.balance / 4)
        past.cash(
            type: "DEPO", name: "Deposit", amount: DealingMoney.money(opening),
            second: first * CivilTime.secondsPerDay + 9 * 3600, reference: "DEPOSIT")
        let total = past.transactions.reduce(Decimal(0)) { $0 + $1.profitAndLoss }
        return PastMemo.Record(
            activities: past.activities.sorted(by: { $0.date < $1.date }),
            transactions: past.transactions.sorted(by: { $0.date < $1.date }), balance: total,
            identifiers: self.identifiers)
    }

    /// A long share CFD held from Tuesday to Friday over each dividend Thursday of the past (see `pastCarry`), so
    /// that every CFD account's year has its dividends whatever day it is written on. The random deals alone left
    /// some years without one. Drawn from a stream of their own: the other deals stay as they were.
    private mutating func pastDividendHolds(
        _ markets: [Instrument], accountId: String, first: Int64, today: Int64, into past: inout PastBook
    ) {
        let shares = markets.filter { $0.instrumentType == "SHARES" }
        guard !shares.isEmpty else { return }
        var random = RandomStream(
            seed: DeterministicHash.combine(self.seed, 0xD1F1, DeterministicHash.fnv1a(accountId)))
        // Opened two days before the Thursday at 15:00 UTC (London and New York both trade), closed three days later.
        var night = first + 3
        while night + 1 < today {
            defer { night += 1 }
            guard Self.paysDividend(night: night) else { continue }
            let instrument = shares[random.index(below: shares.count)]
            let second = (night - 2) * CivilTime.secondsPerDay + 15 * 3600
            guard self.market.isOpen(instrument, at: Date(timeIntervalSince1970: TimeInterval(second))) else {
                continue
            }
            self.pastDeal(
                instrument, at: second, before: today, random: &random, into: &past, fromOrder: nil,
                longHold: 3 * CivilTime.secondsPerDay)
        }
    }

    /// One past deal: opened at `second`, maybe with a stop (sometimes amended) and a limit, closed by them or by
    /// the client, funded overnight, paid dividends when it is a long share CFD. With `longHold`, a purchase with
    /// no stop or limit, closed by the client that many seconds later.
    private mutating func pastDeal(
        _ instrument: Instrument, at second: Int64, before today: Int64, random: inout RandomStream,
        into past: inout PastBook, fromOrder order: (dealId: String, reference: String)?, longHold: Int64? = nil
    ) {
        let direction: DealSide = longHold != nil || random.uniform() < 0.5 ? .buy : .sell
        let openDate = Date(timeIntervalSince1970: TimeInterval(second))
        let quote = self.market.quote(instrument, at: openDate)
        let level = direction == .buy ? quote.offer : quote.bid
        let point = DealingMarket.pointSize(instrument)
        let size = Self.pastSize(instrument, random: &random)
        // Stops and limits a few daily ranges away, in points.
        let range = Decimal(
            Int(
                max(1, instrument.priceProfile.level * instrument.priceProfile.dailyVolatility)
                    / Self.double(point)))
        let stopDistance: Decimal? =
            longHold == nil && random.uniform() < 0.6 ? range * Decimal(1 + random.index(below: 3)) : nil
        let limitDistance: Decimal? =
            longHold == nil && random.uniform() < 0.4 ? range * Decimal(1 + random.index(below: 3)) : nil
        var stop = stopDistance.map { DealingMarket.rounded(level - direction.sign * $0 * point, instrument) }
        let limit = limitDistance.map { DealingMarket.rounded(level + direction.sign * $0 * point, instrument) }
        let dealId = order?.dealId ?? self.identifiers.makeDealId()
        let reference = order?.reference ?? self.identifiers.makeReference()
        let hold = longHold ?? 3600 + Int64(random.index(below: 5 * 86_400))
        let plannedClose = min(second + hold, today * CivilTime.secondsPerDay - 3600)
        guard plannedClose > second + 60 else { return }
        if order == nil {
            past.activity(
                instrument, dealId: dealId, reference: reference, second: second, channel: "PUBLIC_WEB_API",
                type: "POSITION", description: "Position opened: \(dealId)", actions: [("POSITION_OPENED", dealId)],
                direction: direction, size: size, level: level, stop: stop, limit: limit)
        }
        // Sometimes the client moves the stop to break-even half way through.
        var phases: [(from: Int64, to: Int64, stop: Decimal?)] = [(second, plannedClose, stop)]
        if stop != nil, random.uniform() < 0.35 {
            let amendAt = second + (plannedClose - second) / 2
            phases = [(second, amendAt, stop), (amendAt, plannedClose, level)]
        }
        var closeSecond = plannedClose
        var closeLevel: Decimal?
        var closedBy = "PUBLIC_WEB_API"
        for (index, phase) in phases.enumerated() {
            if index > 0 {
                stop = phase.stop
                past.activity(
                    instrument, dealId: dealId, reference: self.identifiers.makeReference(), second: phase.from,
                    channel: "PUBLIC_WEB_API", type: "EDIT_STOP_AND_LIMIT",
                    description: "Limit and stop amended: \(dealId)", actions: [("STOP_LIMIT_AMENDED", dealId)],
                    direction: direction, size: size, level: level, stop: stop, limit: limit)
            }
            let hit = self.pastTrigger(
                instrument, direction: direction, stop: phase.stop, limit: limit, from: phase.from, to: phase.to)
            if let hit {
                closeSecond = hit.second
                closeLevel = hit.level
                closedBy = "SYSTEM"
                break
            }
        }
        let closeDate = Date(timeIntervalSince1970: TimeInterval(closeSecond))
        let closeQuote = self.market.quote(instrument, at: closeDate)
        let close = closeLevel ?? (direction == .buy ? closeQuote.bid : closeQuote.offer)
        let profit = DealingMoney.profit(
            direction: direction, open: level, close: close, size: size, instrument: instrument)
        past.activity(
            instrument, dealId: dealId, reference: self.identifiers.makeReference(), second: closeSecond,
            channel: closedBy, type: closedBy == "SYSTEM" ? "SYSTEM" : "POSITION",
            description: "Position/s closed: \(dealId)", actions: [("POSITION_CLOSED", dealId)],
            direction: direction.opposite, size: size, level: close, stop: nil, limit: nil)
        past.deal(
            instrument, dealId: dealId, open: level, close: close, size: size * direction.sign,
            profit: profit, openSecond: second, closeSecond: closeSecond)
        self.pastCarry(
            instrument, dealId: dealId, direction: direction, level: level, size: size,
            from: second, to: closeSecond, into: &past)
    }

    /// A past LIMIT or STOP order: filled where the path crosses it within three days (then a deal), else
    /// cancelled by the client.
    private mutating func pastWorkingOrder(
        _ instrument: Instrument, at second: Int64, before today: Int64, random: inout RandomStream,
        into past: inout PastBook
    ) {
        let direction: DealSide = random.uniform() < 0.5 ? .buy : .sell
        let isLimit = random.uniform() < 0.5
        let quote = self.market.quote(instrument, at: Date(timeIntervalSince1970: TimeInterval(second)))
        let point = DealingMarket.pointSize(instrument)
        let range = Decimal(
            Int(
                max(1, instrument.priceProfile.level * instrument.priceProfile.dailyVolatility)
                    / Self.double(point)))
        let away = range * Decimal(1 + random.index(below: 2)) / 2 * point
        // A buy limit sits below the offer, a buy stop above it; sells mirror that around the bid.
        let level: Decimal
        switch (isLimit, direction) {
        case (true, .buy): level = DealingMarket.rounded(quote.offer - away, instrument)
        case (false, .buy): level = DealingMarket.rounded(quote.offer + away, instrument)
        case (true, .sell): level = DealingMarket.rounded(quote.bid + away, instrument)
        case (false, .sell): level = DealingMarket.rounded(quote.bid - away, instrument)
        }
        let dealId = self.identifiers.makeDealId()
        let reference = self.identifiers.makeReference()
        let size = Self.pastSize(instrument, random: &random)
        past.activity(
            instrument, dealId: dealId, reference: reference, second: second, channel: "PUBLIC_WEB_API",
            type: "WORKING_ORDER", description: "Order opened: \(dealId)",
            actions: [(isLimit ? "LIMIT_ORDER_OPENED" : "STOP_ORDER_OPENED", dealId)], direction: direction,
            size: size, level: level, stop: nil, limit: nil)
        let end = min(second + 3 * 86_400, today * CivilTime.secondsPerDay - 7200)
        let trigger: DealingMarket.Trigger =
            switch (isLimit, direction) {
            case (true, .buy): .offerAtOrBelow(level)
            case (false, .buy): .offerAtOrAbove(level)
            case (true, .sell): .bidAtOrAbove(level)
            case (false, .sell): .bidAtOrBelow(level)
            }
        if let touch = self.market.firstTouch(instrument, trigger, from: second + 1, to: end) {
            let positionId = self.identifiers.makeDealId()
            past.activity(
                instrument, dealId: positionId, reference: reference, second: touch.second, channel: "SYSTEM",
                type: "WORKING_ORDER", description: "Order filled: \(dealId)",
                actions: [
                    (isLimit ? "LIMIT_ORDER_FILLED" : "STOP_ORDER_FILLED", dealId), ("POSITION_OPENED", positionId),
                ],
                direction: direction, size: size, level: level, stop: nil, limit: nil)
            // The fill is a deal like any other from here on (its open level is the path's at that second).
            var stream = random
            self.pastDeal(
                instrument, at: touch.second, before: today, random: &stream, into: &past,
                fromOrder: (positionId, reference))
            random = stream
        } else {
            past.activity(
                instrument, dealId: dealId, reference: self.identifiers.makeReference(), second: end,
                channel: "PUBLIC_WEB_API", type: "WORKING_ORDER", description: "Order deleted: \(dealId)",
                actions: [("WORKING_ORDER_DELETED", dealId)], direction: direction, size: size, level: level,
                stop: nil, limit: nil)
        }
    }

    /// The first second in `[from, to)` a stop or limit is reached, and the level the deal closes at.
    private func pastTrigger(
        _ instrument: Instrument, direction: DealSide, stop: Decimal?, limit: Decimal?, from: Int64, to: Int64
    ) -> (second: Int64, level: Decimal)? {
        var best: (second: Int64, level: Decimal)?
        if let stop {
            let trigger: DealingMarket.Trigger = direction == .buy ? .bidAtOrBelow(stop) : .offerAtOrAbove(stop)
            if let touch = self.market.firstTouch(instrument, trigger, from: from + 1, to: to) {
                // A gap through the stop fills at the second's opening price.
                let open = direction == .buy ? touch.openBid : touch.openOffer
                let gapped = direction == .buy ? open < stop : open > stop
                best = (touch.second, gapped ? open : stop)
            }
        }
        if let limit {
            let trigger: DealingMarket.Trigger = direction == .buy ? .bidAtOrAbove(limit) : .offerAtOrBelow(limit)
            if let touch = self.market.firstTouch(instrument, trigger, from: from + 1, to: best?.second ?? to),
                touch.second < (best?.second ?? Int64.max)
            {
                best = (touch.second, limit)
            }
        }
        return best
    }

    /// Overnight funding at every daily cut-off a position spans, charged as the live engine charges it (see
    /// `FundingRates` and `FundingCutOff`: 10pm UK time, the mid at the cut-off, three days on Fridays for markets
    /// closed at weekends), and dividends on long share CFDs.
    private func pastCarry(
        _ instrument: Instrument, dealId: String, direction: DealSide, level: Decimal, size: Decimal, from: Int64,
        to: Int64, into past: inout PastBook
    ) {
        let funded = self.settings.funding.isEnabled && (instrument.expiry == "DFB" || instrument.expiry == "-")
        for cutOff in FundingCutOff.between(after: from, through: to - 1) {
            let days = FundingCutOff.days(at: cutOff, tradesAtWeekends: instrument.priceProfile.tradesAtWeekends)
            if funded, days > 0 {
                let quote = self.market.quote(instrument, at: Date(timeIntervalSince1970: TimeInterval(cutOff)))
                let mid = (quote.bid + quote.offer) / 2
                let notional = DealingMoney.notional(level: mid, size: size, instrument: instrument)
                let charge = DealingMoney.money(
                    self.settings.funding.dailyCharge(
                        notional: notional, long: direction == .buy, currency: instrument.defaultCurrency.code)
                        * Decimal(days))
                if charge != 0 {
                    past.funding(
                        instrument, dealId: dealId, charge: charge, second: cutOff, openSecond: from,
                        mid: DealingMarket.rounded(mid, instrument), size: size * direction.sign)
                }
            }
            let night = CivilTime.floorDiv(cutOff, CivilTime.secondsPerDay)
            if instrument.instrumentType == "SHARES", direction == .buy, Self.paysDividend(night: night) {
                let notional = DealingMoney.notional(level: level, size: size, instrument: instrument)
                let dividend = DealingMoney.money(notional * Decimal(4) / Decimal(1000))
                past.cash(
                    type: "DIVIDEND", name: "\(instrument.name) Dividend", amount: dividend, second: cutOff,
                    reference: dealId)
            }
        }
    }

    /// Whether share CFDs held long over the cut-off of day `night` receive a dividend: the first Thursday of the
    /// second month of a quarter (February, May, August, November).
    static func paysDividend(night: Int64) -> Bool {
        let civil = CivilTime(utcSeconds: night * CivilTime.secondsPerDay)
        return CivilTime.weekday(days: night) == 3 && civil.month % 3 == 2 && civil.day <= 7
    }

    /// A past deal's size: stakes of £1–£5 a point on spread bets, 1–3 contracts on CFDs (10–30 shares).
    private static func pastSize(_ instrument: Instrument, random: inout RandomStream) -> Decimal {
        let steps = Decimal(1 + random.index(below: 5))
        if instrument.instrumentType == "SHARES" { return steps * 10 }
        return instrument.product == .cfd ? Decimal(1 + random.index(below: 3)) : steps
    }

    private static func double(_ value: Decimal) -> Double { (value as NSDecimalNumber).doubleValue }
}
