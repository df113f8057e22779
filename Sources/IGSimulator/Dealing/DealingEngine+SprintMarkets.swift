import Foundation

// Sprint markets: open at the underlying's mid with a fixed payout, settled by the price path at expiry.

extension DealingEngine {
    /// The mid price of `instrument` at `date`.
    func mid(_ instrument: Instrument, at date: Date) -> Decimal {
        let quote = self.market.quote(instrument, at: date)
        return DealingMarket.rounded((quote.bid + quote.offer) / 2, instrument)
    }

    /// Opens a sprint-market position; the stake is taken from the balance at once. The request was checked by
    /// the route (sprint epic, open market, size, period), so this accepts, or rejects only for funds.
    mutating func openSprint(_ request: SprintPositionRequest, accountId: String, now: Date) -> DealOutcome {
        let reference = request.dealReference ?? self.identifiers.makeReference()
        if self.isReusedReference(reference) {
            return DealOutcome(dealReference: reference, confirm: self.confirms[reference])
        }
        guard let instrument = self.market.instrument(request.epic), let account = self.accounts[accountId] else {
            return self.reject(
                "UNKNOWN", reference: reference, accountId: accountId, epic: request.epic, expiry: "-",
                direction: request.direction, size: request.size, type: "POSITION", now: now)
        }
        guard self.figures(accountId: accountId, now: now).available >= request.size else {
            return self.reject(
                "INSUFFICIENT_FUNDS", reference: reference, accountId: accountId, epic: request.epic, expiry: "-",
                direction: request.direction, size: request.size, type: "POSITION", now: now)
        }
        let strike = self.mid(instrument, at: now)
        let sprint = SimSprintPosition(
            dealId: self.identifiers.makeDealId(), dealReference: reference, accountId: accountId, epic: request.epic,
            direction: request.direction, size: request.size, strikeLevel: strike, currency: account.currency,
            created: now, expiry: now.addingTimeInterval(TimeInterval(request.expiryPeriod.seconds)),
            payout: DealingMoney.money(request.size * request.expiryPeriod.payoutRatio))
        self.sprints.append(sprint)
        self.accounts[accountId]?.balance -= request.size
        var outcome = DealOutcome(dealReference: reference)
        self.publish(
            SimConfirm(
                dealReference: reference, dealId: sprint.dealId, accountId: accountId, date: now, status: "OPEN",
                reason: "SUCCESS", dealStatus: "ACCEPTED", epic: request.epic, expiry: "-",
                affectedDeals: [.init(dealId: sprint.dealId, status: "OPENED")], level: strike, size: request.size,
                direction: request.direction),
            into: &outcome)
        outcome.events.append(.accountChanged(accountId: accountId))
        self.recordActivity(
            accountId: accountId, date: now, instrument: instrument, epic: request.epic,
            period: DealingFormat.iso(sprint.expiry), dealId: sprint.dealId, reference: reference,
            channel: "PUBLIC_WEB_API", type: "POSITION", status: "ACCEPTED",
            description: "Sprint market position opened: \(sprint.dealId)",
            actions: [("POSITION_OPENED", sprint.dealId)], direction: request.direction, size: request.size,
            level: strike)
        return outcome
    }

    /// Settles every sprint position whose expiry is at or before `now`: the payout is credited on a win, and
    /// the result (payout minus stake, or minus the stake) is recorded as a transaction. Returns an account change
    /// per settled position (ACCOUNT streams follow the balance).
    mutating func settleSprints(upTo now: Date) -> [ExchangeEvent] {
        let due = self.sprints.filter { $0.expiry <= now }
        guard !due.isEmpty else { return [] }
        self.sprints.removeAll { $0.expiry <= now }
        for sprint in due.sorted(by: { $0.expiry < $1.expiry }) {
            guard let instrument = self.market.instrument(sprint.epic) else { continue }
            let close = self.mid(instrument, at: sprint.expiry)
            let won = (close - sprint.strikeLevel) * sprint.direction.sign > 0
            if won { self.accounts[sprint.accountId]?.balance += sprint.payout }
            let account = self.accounts[sprint.accountId]
            self.ledger.record(
                DealingLedger.Transaction(
                    accountId: sprint.accountId, date: sprint.expiry, openDate: sprint.created,
                    instrumentName: instrument.name, period: DealingFormat.iso(sprint.expiry),
                    profitAndLoss: won ? sprint.payout - sprint.size : -sprint.size,
                    currency: account?.currency ?? "GBP", currencySymbol: account?.currencySymbol ?? "£",
                    transactionType: "DEAL", reference: sprint.dealId, openLevel: sprint.strikeLevel,
                    closeLevel: close, size: sprint.size * sprint.direction.sign, cashTransaction: false))
            self.recordActivity(
                accountId: sprint.accountId, date: sprint.expiry, instrument: instrument, epic: sprint.epic,
                period: DealingFormat.iso(sprint.expiry), dealId: sprint.dealId, reference: sprint.dealReference,
                channel: "SYSTEM", type: "SYSTEM", status: "ACCEPTED",
                description: "Sprint market position \(won ? "won" : "lost"): \(sprint.dealId)",
                actions: [("POSITION_CLOSED", sprint.dealId)], direction: sprint.direction, size: sprint.size,
                level: close)
        }
        return due.map { .accountChanged(accountId: $0.accountId) }
    }
}
