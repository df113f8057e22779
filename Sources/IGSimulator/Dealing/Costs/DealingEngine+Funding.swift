import Foundation

// Overnight funding at IG's daily cut-off (see FundingRates for the formula).

extension DealingEngine {
    /// The cut-offs in `(after, through]` still to fund; `after` is where funding last stood.
    func fundingCutOffs(through now: Date) -> [Int64] {
        guard self.settings.funding.isEnabled else { return [] }
        let after = self.fundedThrough ?? self.evaluatedUntil - 1
        return FundingCutOff.between(after: after, through: PriceEngine.second(now))
    }

    /// Charges (or credits) one cut-off's funding on every open DFB spread bet and cash CFD.
    mutating func chargeFunding(at cutOff: Int64) {
        self.fundedThrough = cutOff
        let date = Date(timeIntervalSince1970: TimeInterval(cutOff))
        for position in self.positions where position.expiry == "DFB" || position.expiry == "-" {
            guard PriceEngine.second(position.created) < cutOff,
                let instrument = self.market.instrument(position.epic)
            else { continue }
            let days = FundingCutOff.days(at: cutOff, tradesAtWeekends: instrument.priceProfile.tradesAtWeekends)
            guard days > 0 else { continue }
            let quote = self.market.quote(instrument, at: date)
            let mid = (quote.bid + quote.offer) / 2
            let notional: Decimal =
                instrument.product == .spreadBet
                ? mid / DealingMarket.pointSize(instrument) * position.size
                : mid * position.size * DealingMoney.contractSize(instrument) / DealingMoney.rate(instrument)
            let charge = DealingMoney.money(
                self.settings.funding.dailyCharge(
                    notional: notional, long: position.direction == .buy, currency: instrument.defaultCurrency.code)
                    * Decimal(days))
            guard charge != 0 else { continue }
            let account = self.accounts[position.accountId]
            self.accounts[position.accountId]?.balance -= charge
            self.ledger.record(
                DealingLedger.Transaction(
                    accountId: position.accountId, date: date, openDate: position.created,
                    instrumentName: instrument.name + " overnight funding", period: position.expiry,
                    profitAndLoss: -charge, currency: account?.currency ?? "GBP",
                    currencySymbol: account?.currencySymbol ?? "£", transactionType: charge > 0 ? "WITH" : "DEPO",
                    reference: position.dealId, openLevel: nil, closeLevel: DealingMarket.rounded(mid, instrument),
                    size: position.size * position.direction.sign, cashTransaction: true))
        }
    }
}
