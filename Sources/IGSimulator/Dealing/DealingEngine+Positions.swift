import Foundation

// Netting, amending and closing positions.

extension DealingEngine {
    /// Indices of positions that a deal in the opposite direction would net against, oldest first.
    func nettingCandidates(
        accountId: String, epic: String, expiry: String, currency: String, direction: DealSide
    ) -> [Int] {
        self.positions.indices.filter {
            let position = self.positions[$0]
            return position.accountId == accountId && position.epic == epic && position.expiry == expiry
                && position.currency == currency.uppercased() && position.direction == direction
        }
    }

    /// Closes `size` of the position at `index` at `level`: books the profit, records the transaction and the
    /// activity, emits the OPU. Returns the profit and whether the position is gone.
    @discardableResult
    mutating func settle(
        index: Int, size: Decimal, level: Decimal, reference: String, now: Date, channel: String,
        description: String?, premium: Decimal = 0, events: inout [ExchangeEvent]
    ) -> (profit: Decimal, fully: Bool) {
        let position = self.positions[index]
        guard let instrument = self.market.instrument(position.epic) else { return (0, false) }
        let profit = DealingMoney.profit(
            direction: position.direction, open: position.level, close: level, size: size, instrument: instrument)
        let fully = size >= position.size
        let account = self.accounts[position.accountId]
        self.accounts[position.accountId]?.balance += profit - premium
        self.ledger.record(
            DealingLedger.Transaction(
                accountId: position.accountId, date: now, openDate: position.created, instrumentName: instrument.name,
                period: position.expiry, profitAndLoss: profit, currency: account?.currency ?? "GBP",
                currencySymbol: account?.currencySymbol ?? "£", transactionType: "DEAL", reference: position.dealId,
                openLevel: position.level, closeLevel: level, size: size * position.direction.sign,
                cashTransaction: false))
        if premium > 0 {
            self.ledger.record(
                DealingLedger.Transaction(
                    accountId: position.accountId, date: now, openDate: position.created,
                    instrumentName: instrument.name, period: position.expiry, profitAndLoss: -premium,
                    currency: account?.currency ?? "GBP", currencySymbol: account?.currencySymbol ?? "£",
                    transactionType: "CHART", reference: position.dealId, openLevel: nil, closeLevel: nil,
                    size: nil, cashTransaction: true))
        }
        let action = fully ? "POSITION_CLOSED" : "POSITION_PARTIALLY_CLOSED"
        self.recordActivity(
            accountId: position.accountId, date: now, instrument: instrument, epic: position.epic,
            period: position.expiry, dealId: position.dealId, reference: reference, channel: channel,
            type: channel == "SYSTEM" ? "SYSTEM" : "POSITION", status: "ACCEPTED",
            description: description
                ?? (fully
                    ? "Position/s closed: \(position.dealId)"
                    : "Position partially closed: \(position.dealId)"),
            actions: [(action, position.dealId)], direction: position.direction.opposite, size: size, level: level)
        if fully {
            self.positions.remove(at: index)
            events.append(Self.positionUpdate(position, status: "DELETED", reference: reference, now: now))
        } else {
            self.positions[index].size -= size
            self.positions[index].revision += 1
            events.append(
                Self.positionUpdate(self.positions[index], status: "UPDATED", reference: reference, now: now))
        }
        events.append(.accountChanged(accountId: position.accountId))
        return (profit, fully)
    }

    /// Replaces a position's stop, limit, guaranteed and trailing attributes (omitted = removed).
    mutating func amendPosition(
        _ request: AmendPositionRequest, accountId: String, now: Date, trailingStopsEnabled: Bool?
    ) -> DealOutcome {
        let reference = self.identifiers.makeReference()
        guard let index = self.positions.firstIndex(where: { $0.dealId == request.dealId && $0.accountId == accountId })
        else {
            return self.reject(
                "POSITION_NOT_FOUND", reference: reference, accountId: accountId, epic: nil, expiry: nil,
                direction: nil, size: nil, type: "EDIT_STOP_AND_LIMIT", now: now)
        }
        let position = self.positions[index]
        let rejected = { (engine: inout DealingEngine, reason: String) in
            engine.reject(
                reason, reference: reference, accountId: accountId, epic: position.epic, expiry: position.expiry,
                direction: position.direction, size: position.size, type: "EDIT_STOP_AND_LIMIT", now: now)
        }
        guard let instrument = self.market.instrument(position.epic) else {
            return rejected(&self, "INSTRUMENT_NOT_FOUND")
        }
        if request.trailingStop,
            let rejection = DealingRules.checkTrailing(instrument, trailingStopsEnabled: trailingStopsEnabled)
        {
            return rejected(&self, rejection.reason)
        }
        // Distances are measured from the current closing price.
        let quote = self.market.quote(instrument, at: now)
        let closingLevel = position.direction == .buy ? quote.bid : quote.offer
        if let failure = DealingRules.attachedLevels(
            direction: position.direction, level: closingLevel, instrument: instrument,
            stopLevel: request.stopLevel, stopDistance: nil, limitLevel: request.limitLevel, limitDistance: nil,
            guaranteedStop: request.guaranteedStop
        ).failureValue {
            return rejected(&self, failure.reason)
        }
        self.positions[index].stopLevel = request.stopLevel
        self.positions[index].limitLevel = request.limitLevel
        self.positions[index].guaranteedStop = request.guaranteedStop && request.stopLevel != nil
        self.positions[index].trailingStopDistance = request.trailingStop ? request.trailingStopDistance : nil
        self.positions[index].trailingStep = request.trailingStop ? request.trailingStopIncrement : nil
        self.positions[index].revision += 1
        let amended = self.positions[index]
        var outcome = DealOutcome(dealReference: reference)
        let confirm = SimConfirm(
            dealReference: reference, dealId: amended.dealId, accountId: accountId, date: now, status: "AMENDED",
            reason: "SUCCESS", dealStatus: "ACCEPTED", epic: amended.epic, expiry: amended.expiry,
            affectedDeals: [.init(dealId: amended.dealId, status: "AMENDED")], level: amended.level,
            size: amended.size, direction: amended.direction, stopLevel: amended.stopLevel,
            limitLevel: amended.limitLevel, guaranteedStop: amended.guaranteedStop,
            trailingStop: amended.trailingStopDistance != nil)
        outcome.events.append(Self.positionUpdate(amended, status: "UPDATED", reference: reference, now: now))
        self.recordActivity(
            accountId: accountId, date: now, instrument: instrument, epic: amended.epic, period: amended.expiry,
            dealId: amended.dealId, reference: reference, channel: "PUBLIC_WEB_API", type: "EDIT_STOP_AND_LIMIT",
            status: "ACCEPTED", description: "Limit and stop amended: \(amended.dealId)",
            actions: [("STOP_LIMIT_AMENDED", amended.dealId)], direction: amended.direction, size: amended.size,
            level: amended.level, stopLevel: amended.stopLevel, limitLevel: amended.limitLevel,
            guaranteedStop: amended.guaranteedStop, trailingStopDistance: amended.trailingStopDistance,
            trailingStep: amended.trailingStep)
        self.publish(confirm, into: &outcome)
        return outcome
    }

    /// Closes a position by deal id, or positions on a market by epic + expiry (oldest first); a smaller size
    /// closes partly. `direction` must be the opposite of the positions'.
    mutating func closePosition(_ request: ClosePositionRequest, accountId: String, now: Date) -> DealOutcome {
        let reference = self.identifiers.makeReference()
        let rejected = { (engine: inout DealingEngine, reason: String, epic: String?, expiry: String?) in
            engine.reject(
                reason, reference: reference, accountId: accountId, epic: epic, expiry: expiry,
                direction: request.direction, size: request.size, type: "POSITION", now: now)
        }
        var targets: [String]
        if let dealId = request.dealId {
            guard let position = self.positions.first(where: { $0.dealId == dealId && $0.accountId == accountId })
            else { return rejected(&self, "POSITION_NOT_FOUND", nil, nil) }
            guard request.size > 0 else {
                return rejected(&self, "MINIMUM_ORDER_SIZE_ERROR", position.epic, position.expiry)
            }
            guard position.direction == request.direction.opposite, request.size <= position.size else {
                return rejected(&self, "POSITION_NOT_AVAILABLE_TO_CLOSE", position.epic, position.expiry)
            }
            targets = [dealId]
        } else {
            let epic = request.epic ?? ""
            let expiry = request.expiry ?? ""
            let matching = self.positions.filter {
                $0.accountId == accountId && $0.epic.uppercased() == epic.uppercased() && $0.expiry == expiry
                    && $0.direction == request.direction.opposite
            }
            guard !matching.isEmpty else { return rejected(&self, "POSITION_NOT_FOUND", epic, expiry) }
            guard request.size > 0 else { return rejected(&self, "MINIMUM_ORDER_SIZE_ERROR", epic, expiry) }
            let available = matching.reduce(Decimal(0)) { $0 + $1.size }
            guard request.size <= available else {
                return rejected(&self, "POSITION_NOT_AVAILABLE_TO_CLOSE", epic, expiry)
            }
            targets = matching.map(\.dealId)
        }
        guard let first = self.positions.first(where: { $0.dealId == targets[0] }),
            let instrument = self.market.instrument(first.epic)
        else { return rejected(&self, "POSITION_NOT_FOUND", nil, nil) }
        guard self.market.isOpen(instrument, at: now) else {
            return rejected(&self, "MARKET_CLOSED", first.epic, first.expiry)
        }
        let quote = self.market.quote(instrument, at: now)
        let level = first.direction == .buy ? quote.bid : quote.offer
        if request.orderType != "MARKET", let limitPrice = request.level {
            let worse = request.direction == .buy ? level > limitPrice : level < limitPrice
            if worse { return rejected(&self, "LEVEL_TOLERANCE_ERROR", first.epic, first.expiry) }
        }
        var outcome = DealOutcome(dealReference: reference)
        var remaining = request.size
        var profit: Decimal = 0
        var affected: [SimConfirm.AffectedDeal] = []
        var allFully = true
        for dealId in targets where remaining > 0 {
            guard let index = self.positions.firstIndex(where: { $0.dealId == dealId }) else { continue }
            let part = min(remaining, self.positions[index].size)
            let result = self.settle(
                index: index, size: part, level: level, reference: reference, now: now, channel: "PUBLIC_WEB_API",
                description: nil, events: &outcome.events)
            profit += result.profit
            allFully = allFully && result.fully
            affected.append(.init(dealId: dealId, status: result.fully ? "FULLY_CLOSED" : "PARTIALLY_CLOSED"))
            remaining -= part
        }
        let confirm = SimConfirm(
            dealReference: reference, dealId: targets[0], accountId: accountId, date: now,
            status: allFully ? "CLOSED" : "PARTIALLY_CLOSED", reason: "SUCCESS", dealStatus: "ACCEPTED",
            epic: first.epic, expiry: first.expiry, affectedDeals: affected, level: level, size: request.size,
            direction: request.direction, profit: profit, profitCurrency: self.accounts[accountId]?.currency)
        self.publish(confirm, into: &outcome)
        return outcome
    }
}
