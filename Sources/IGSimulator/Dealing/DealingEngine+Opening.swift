import Foundation

// Opening a position at market, in steps: check the request, net against opposite positions, open the remainder.

extension DealingEngine {
    /// A checked opening: the instrument, the fill level and the attached stop and limit.
    struct Opening {
        var instrument: Instrument
        var level: Decimal
        var stop: Decimal?
        var limit: Decimal?
    }

    /// What netting against opposite positions closed.
    struct Netting {
        var affected: [SimConfirm.AffectedDeal] = []
        var profit: Decimal = 0
        var firstClosedId: String?
        var status = "CLOSED"
    }

    /// Opens a position at market (BUY at the offer, SELL at the bid). With `forceOpen` false an opposite
    /// position on the same market, expiry and currency is closed first (fully or partly).
    mutating func openPosition(
        _ request: OpenPositionRequest, accountId: String, now: Date, trailingStopsEnabled: Bool?
    ) -> DealOutcome {
        let reference = request.dealReference ?? self.identifiers.makeReference()
        if self.isReusedReference(reference) {
            return DealOutcome(dealReference: reference, confirm: self.confirms[reference])
        }
        let rejected = { (engine: inout DealingEngine, reason: String) in
            engine.reject(
                reason, reference: reference, accountId: accountId, epic: request.epic, expiry: request.expiry,
                direction: request.direction, size: request.size, type: "POSITION", now: now)
        }
        let opening: Opening
        switch self.checkOpening(request, accountId: accountId, now: now, trailingStopsEnabled: trailingStopsEnabled) {
        case .failure(let rejection): return rejected(&self, rejection.reason)
        case .success(let checked): opening = checked
        }
        let opposite =
            request.forceOpen
            ? []
            : self.nettingCandidates(
                accountId: accountId, epic: opening.instrument.epic, expiry: request.expiry,
                currency: request.currencyCode, direction: request.direction.opposite)
        let nettable = opposite.reduce(Decimal(0)) { $0 + self.positions[$1].size }
        let remainder = max(0, request.size - nettable)
        if remainder > 0 {
            let required = DealingMoney.margin(level: opening.level, size: remainder, instrument: opening.instrument)
            if required > self.figures(accountId: accountId, now: now).available {
                return rejected(&self, "INSUFFICIENT_FUNDS")
            }
        }
        var outcome = DealOutcome(dealReference: reference)
        let netting = self.net(
            request.size, against: opposite, level: opening.level, reference: reference, now: now,
            events: &outcome.events)
        var confirm = Self.openingConfirm(
            request, opening, netting, reference: reference, accountId: accountId, now: now)
        if !netting.affected.isEmpty {
            confirm.profitCurrency = self.accounts[accountId]?.currency
        }
        if remainder > 0 {
            let position = self.openRemainder(
                remainder, request, opening, reference: reference, accountId: accountId, now: now,
                events: &outcome.events)
            confirm.dealId = position.dealId
            confirm.status = "OPEN"
            confirm.size = remainder
            confirm.affectedDeals.append(.init(dealId: position.dealId, status: "OPENED"))
        }
        self.publish(confirm, into: &outcome)
        outcome.events.append(.accountChanged(accountId: accountId))
        return outcome
    }

    /// Checks instrument, market hours, size, trailing stops, order type, level tolerance, attached levels and
    /// duplicates; the rejection reason of the first check that fails.
    private mutating func checkOpening(
        _ request: OpenPositionRequest, accountId: String, now: Date, trailingStopsEnabled: Bool?
    ) -> Result<Opening, Rejection> {
        let instrument: Instrument
        switch self.checkInstrument(
            epic: request.epic, expiry: request.expiry, currency: request.currencyCode, accountId: accountId,
            now: now)
        {
        case .failure(let rejection): return .failure(rejection)
        case .success(let found): instrument = found
        }
        guard self.market.isOpen(instrument, at: now) else { return .failure(Rejection("MARKET_CLOSED")) }
        if let rejection = DealingRules.checkSize(request.size, instrument) { return .failure(rejection) }
        if request.trailingStop,
            let rejection = DealingRules.checkTrailing(instrument, trailingStopsEnabled: trailingStopsEnabled)
        {
            return .failure(rejection)
        }
        if request.orderType == "MARKET", instrument.dealingRules.marketOrderPreference == "NOT_AVAILABLE" {
            return .failure(Rejection("MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT"))
        }
        let quote = self.market.quote(instrument, at: now)
        let level = request.direction == .buy ? quote.offer : quote.bid
        if request.orderType != "MARKET", let limitPrice = request.level {
            let worse = request.direction == .buy ? level > limitPrice : level < limitPrice
            if worse { return .failure(Rejection("LEVEL_TOLERANCE_ERROR")) }
        }
        let attached: (stop: Decimal?, limit: Decimal?)
        switch DealingRules.attachedLevels(
            direction: request.direction, level: level, instrument: instrument, stopLevel: request.stopLevel,
            stopDistance: request.stopDistance, limitLevel: request.limitLevel, limitDistance: request.limitDistance,
            guaranteedStop: request.guaranteedStop)
        {
        case .failure(let rejection): return .failure(rejection)
        case .success(let levels): attached = levels
        }
        let fingerprint = [
            accountId, instrument.epic, request.expiry, request.direction.rawValue, "\(request.size)",
            request.orderType, "\(request.level ?? 0)", "\(attached.stop ?? 0)", "\(attached.limit ?? 0)",
        ].joined(separator: "|")
        if self.isDuplicate(fingerprint, now: now) { return .failure(Rejection("DUPLICATE_ORDER_ERROR")) }
        return .success(Opening(instrument: instrument, level: level, stop: attached.stop, limit: attached.limit))
    }

    /// Closes up to `size` of the opposite positions, oldest first.
    private mutating func net(
        _ size: Decimal, against opposite: [Int], level: Decimal, reference: String, now: Date,
        events: inout [ExchangeEvent]
    ) -> Netting {
        var netting = Netting()
        var toNet = size
        // Indices shift as positions are removed, so resolve by deal id.
        for dealId in opposite.map({ self.positions[$0].dealId }) where toNet > 0 {
            guard let index = self.positions.firstIndex(where: { $0.dealId == dealId }) else { continue }
            let part = min(toNet, self.positions[index].size)
            let result = self.settle(
                index: index, size: part, level: level, reference: reference, now: now, channel: "PUBLIC_WEB_API",
                description: nil, events: &events)
            netting.profit += result.profit
            netting.affected.append(.init(dealId: dealId, status: result.fully ? "FULLY_CLOSED" : "PARTIALLY_CLOSED"))
            if netting.firstClosedId == nil { netting.firstClosedId = dealId }
            if !result.fully { netting.status = "PARTIALLY_CLOSED" }
            toNet -= part
        }
        return netting
    }

    /// The confirm of an opening before any new position: accepted, with what netting closed.
    private static func openingConfirm(
        _ request: OpenPositionRequest, _ opening: Opening, _ netting: Netting, reference: String, accountId: String,
        now: Date
    ) -> SimConfirm {
        var confirm = SimConfirm(
            dealReference: reference, dealId: netting.firstClosedId ?? "", accountId: accountId, date: now,
            status: nil, reason: "SUCCESS", dealStatus: "ACCEPTED", epic: opening.instrument.epic,
            expiry: request.expiry, affectedDeals: netting.affected, level: opening.level, size: request.size,
            direction: request.direction, stopLevel: opening.stop, limitLevel: opening.limit,
            stopDistance: request.stopDistance, limitDistance: request.limitDistance,
            guaranteedStop: request.guaranteedStop, trailingStop: request.trailingStop)
        if !netting.affected.isEmpty {
            confirm.profit = netting.profit
            confirm.status = netting.status
        }
        return confirm
    }

    /// Opens the part of the request that netting did not absorb, and records the activity.
    private mutating func openRemainder(
        _ remainder: Decimal, _ request: OpenPositionRequest, _ opening: Opening, reference: String,
        accountId: String, now: Date, events: inout [ExchangeEvent]
    ) -> SimPosition {
        let position = SimPosition(
            dealId: self.identifiers.makeDealId(), dealReference: reference, accountId: accountId,
            epic: opening.instrument.epic,
            expiry: request.expiry, direction: request.direction, size: remainder, level: opening.level,
            currency: request.currencyCode.uppercased(), created: now, stopLevel: opening.stop,
            limitLevel: opening.limit, guaranteedStop: request.guaranteedStop,
            trailingStopDistance: request.trailingStop ? request.stopDistance : nil,
            trailingStep: request.trailingStop ? request.trailingStopIncrement : nil,
            contractExpiry: opening.instrument.contractLastDealing(expiry: request.expiry, at: now))
        self.positions.append(position)
        events.append(Self.positionUpdate(position, status: "OPEN", reference: reference, now: now))
        self.recordActivity(
            accountId: accountId, date: now, instrument: opening.instrument, epic: opening.instrument.epic,
            period: request.expiry, dealId: position.dealId, reference: reference, channel: "PUBLIC_WEB_API",
            type: "POSITION", status: "ACCEPTED", description: "Position opened: \(position.dealId)",
            actions: [("POSITION_OPENED", position.dealId)], direction: request.direction, size: remainder,
            level: opening.level, stopLevel: opening.stop, limitLevel: opening.limit,
            guaranteedStop: request.guaranteedStop, trailingStopDistance: position.trailingStopDistance,
            trailingStep: position.trailingStep)
        return position
    }
}
