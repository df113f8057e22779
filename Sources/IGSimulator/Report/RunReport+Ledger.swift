import Foundation

extension RunReport {
    /// The report of `accountId` from the engine's ledger and open positions at `now`.
    static func make(engine: DealingEngine, accountId: String, from: Date, now: Date) -> RunReport? {
        guard let account = engine.accounts[accountId] else { return nil }
        let figures = engine.figures(accountId: accountId, now: now)
        let transactions = engine.ledger.transactions.filter { $0.accountId == accountId }
        let moved = transactions.reduce(Decimal(0)) { $0 + $1.profitAndLoss }
        let starting = account.balance - moved
        var trades = [Trade]()
        var funding: Decimal = 0
        var premiums: Decimal = 0
        var curve = [EquityPoint(time: from, equity: starting)]
        var cash = starting
        var intervals = [(Date, Date)]()
        for transaction in transactions {
            cash += transaction.profitAndLoss
            curve.append(EquityPoint(time: transaction.date, equity: cash))
            switch transaction.transactionType {
            case "DEAL":
                trades.append(
                    Trade(
                        closed: transaction.date, opened: transaction.openDate,
                        instrumentName: transaction.instrumentName, dealId: transaction.reference,
                        size: transaction.size ?? 0, openLevel: transaction.openLevel,
                        closeLevel: transaction.closeLevel, profitAndLoss: transaction.profitAndLoss))
                if let opened = transaction.openDate { intervals.append((opened, transaction.date)) }
            case "CHART":
                premiums -= transaction.profitAndLoss
            default:
                funding -= transaction.profitAndLoss
            }
        }
        var exposure: Decimal = 0
        let open = engine.positions.filter { $0.accountId == accountId }
        for position in open {
            intervals.append((position.created, now))
            guard let instrument = engine.market.instrument(position.epic) else { continue }
            let quote = engine.market.quote(instrument, at: now)
            let mid = (quote.bid + quote.offer) / 2
            exposure +=
                instrument.product == .spreadBet
                ? mid / DealingMarket.pointSize(instrument) * position.size
                : mid * position.size * DealingMoney.contractSize(instrument) / DealingMoney.rate(instrument)
        }
        let equity = account.balance + figures.profitLoss
        curve.append(EquityPoint(time: now, equity: equity))
        return RunReport(
            accountId: accountId, currency: account.currency, from: from, to: now, startingBalance: starting,
            balance: account.balance, openProfitLoss: figures.profitLoss, openPositions: open.count,
            openExposure: DealingMoney.money(exposure), trades: trades,
            tradingProfitLoss: trades.reduce(Decimal(0)) { $0 + $1.profitAndLoss }, fundingFees: funding,
            guaranteedStopPremiums: premiums, netProfitLoss: equity - starting,
            maximumDrawdown: Self.maximumDrawdown(curve.map(\.equity)),
            timeInMarket: Self.coverage(intervals, from: from, to: now),
            winningTrades: trades.count { $0.profitAndLoss > 0 }, equityCurve: curve)
    }

    /// The largest fall from a running peak.
    static func maximumDrawdown(_ values: [Decimal]) -> Decimal {
        var peak = values.first ?? 0
        var worst: Decimal = 0
        for value in values {
            peak = Swift.max(peak, value)
            worst = Swift.max(worst, peak - value)
        }
        return worst
    }

    /// The share of `[from, to]` covered by the union of `intervals`.
    static func coverage(_ intervals: [(Date, Date)], from: Date, to: Date) -> Double {
        let span = to.timeIntervalSince(from)
        guard span > 0 else { return 0 }
        var covered: TimeInterval = 0
        var reach = from
        for (start, end) in intervals.sorted(by: { $0.0 < $1.0 }) {
            let begin = Swift.max(start, reach)
            let finish = Swift.min(end, to)
            if finish > begin {
                covered += finish.timeIntervalSince(begin)
                reach = finish
            }
        }
        return Swift.min(1, covered / span)
    }
}
