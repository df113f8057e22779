import Foundation

// Creating, amending and deleting working orders.

extension DealingEngine {

    /// Places a LIMIT or STOP working order (good till cancelled, or till `goodTill`).
    mutating func createOrder(_ request: WorkingOrderRequest, accountId: String, now: Date) -> DealOutcome {
        let reference = request.dealReference ?? self.identifiers.makeReference()
        if self.isReusedReference(reference) {
            return DealOutcome(dealReference: reference, confirm: self.confirms[reference])
        }
        let rejected = { (engine: inout DealingEngine, reason: String) in
            engine.reject(
                reason, reference: reference, accountId: accountId, epic: request.epic, expiry: request.expiry,
                direction: request.direction, size: request.size, type: "WORKING_ORDER", now: now)
        }
        let instrument: Instrument
        switch self.checkInstrument(
            epic: request.epic, expiry: request.expiry, currency: request.currencyCode, accountId: accountId,
            now: now)
        {
        case .failure(let rejection): return rejected(&self, rejection.reason)
        case .success(let found): instrument = found
        }
        if let rejection = DealingRules.checkSize(request.size, instrument) { return rejected(&self, rejection.reason) }
        if let goodTill = request.goodTill, goodTill <= now { return rejected(&self, "GOOD_TILL_DATE_IN_THE_PAST") }
        let quote = self.market.quote(instrument, at: now)
        guard
            DealingRules.isRightSide(
                kind: request.kind, direction: request.direction, level: request.level, quote: quote)
        else { return rejected(&self, DealingRules.wrongSideReason(request.kind)) }
        let distances: (stop: Decimal?, limit: Decimal?)
        switch DealingRules.orderDistances(
            direction: request.direction, level: request.level, instrument: instrument,
            stopLevel: request.stopLevel, stopDistance: request.stopDistance, limitLevel: request.limitLevel,
            limitDistance: request.limitDistance, guaranteedStop: request.guaranteedStop)
        {
        case .failure(let rejection): return rejected(&self, rejection.reason)
        case .success(let found): distances = found
        }
        let fingerprint = [
            "WO", accountId, instrument.epic, request.direction.rawValue, "\(request.size)", "\(request.level)",
            request.kind.rawValue,
        ].joined(separator: "|")
        if self.isDuplicate(fingerprint, now: now) { return rejected(&self, "DUPLICATE_ORDER_ERROR") }
        let order = SimWorkingOrder(
            dealId: self.identifiers.makeDealId(), dealReference: reference, accountId: accountId,
            epic: instrument.epic,
            expiry: request.expiry, direction: request.direction, size: request.size, level: request.level,
            kind: request.kind, goodTill: request.goodTill, currency: request.currencyCode.uppercased(), created: now,
            stopDistance: distances.stop, limitDistance: distances.limit, guaranteedStop: request.guaranteedStop,
            forceOpen: request.forceOpen,
            contractExpiry: instrument.contractLastDealing(expiry: request.expiry, at: now))
        self.orders.append(order)
        var outcome = DealOutcome(dealReference: reference)
        outcome.events.append(Self.workingOrderUpdate(order, status: "OPEN", reference: reference, now: now))
        let confirm = SimConfirm(
            dealReference: reference, dealId: order.dealId, accountId: accountId, date: now, status: "OPEN",
            reason: "SUCCESS", dealStatus: "ACCEPTED", epic: order.epic, expiry: order.expiry,
            affectedDeals: [.init(dealId: order.dealId, status: "OPENED")], level: order.level, size: order.size,
            direction: order.direction, stopDistance: order.stopDistance, limitDistance: order.limitDistance,
            guaranteedStop: order.guaranteedStop)
        self.recordActivity(
            accountId: accountId, date: now, instrument: instrument, epic: order.epic, period: order.expiry,
            dealId: order.dealId, reference: reference, channel: "PUBLIC_WEB_API", type: "WORKING_ORDER",
            status: "ACCEPTED", description: "Order opened: \(order.dealId)",
            actions: [(order.kind == .limit ? "LIMIT_ORDER_OPENED" : "STOP_ORDER_OPENED", order.dealId)],
            direction: order.direction, size: order.size, level: order.level, guaranteedStop: order.guaranteedStop,
            goodTill: order.goodTill)
        self.publish(confirm, into: &outcome)
        return outcome
    }

    /// Replaces a working order's level, type, expiry and stop/limit (omitted = removed).
    mutating func amendOrder(_ request: AmendWorkingOrderRequest, accountId: String, now: Date) -> DealOutcome {
        let reference = self.identifiers.makeReference()
        guard let index = self.orders.firstIndex(where: { $0.dealId == request.dealId && $0.accountId == accountId })
        else {
            return self.reject(
                "ORDER_NOT_FOUND", reference: reference, accountId: accountId, epic: nil, expiry: nil,
                direction: nil, size: nil, type: "WORKING_ORDER", now: now)
        }
        let order = self.orders[index]
        let rejected = { (engine: inout DealingEngine, reason: String) in
            engine.reject(
                reason, reference: reference, accountId: accountId, epic: order.epic, expiry: order.expiry,
                direction: order.direction, size: order.size, type: "WORKING_ORDER", now: now)
        }
        guard let instrument = self.market.instrument(order.epic) else {
            return rejected(&self, "INSTRUMENT_NOT_FOUND")
        }
        let kind = request.kind ?? order.kind
        if let goodTill = request.goodTill, goodTill <= now { return rejected(&self, "GOOD_TILL_DATE_IN_THE_PAST") }
        let quote = self.market.quote(instrument, at: now)
        guard DealingRules.isRightSide(kind: kind, direction: order.direction, level: request.level, quote: quote)
        else {
            return rejected(&self, DealingRules.wrongSideReason(kind))
        }
        let distances: (stop: Decimal?, limit: Decimal?)
        switch DealingRules.orderDistances(
            direction: order.direction, level: request.level, instrument: instrument,
            stopLevel: request.stopLevel, stopDistance: request.stopDistance, limitLevel: request.limitLevel,
            limitDistance: request.limitDistance, guaranteedStop: request.guaranteedStop)
        {
        case .failure(let rejection): return rejected(&self, rejection.reason)
        case .success(let found): distances = found
        }
        self.orders[index].level = request.level
        self.orders[index].kind = kind
        if request.timeInForceGiven { self.orders[index].goodTill = request.goodTill }
        self.orders[index].guaranteedStop = request.guaranteedStop
        self.orders[index].stopDistance = distances.stop
        self.orders[index].limitDistance = distances.limit
        self.orders[index].revision += 1
        let amended = self.orders[index]
        var outcome = DealOutcome(dealReference: reference)
        outcome.events.append(Self.workingOrderUpdate(amended, status: "UPDATED", reference: reference, now: now))
        let confirm = SimConfirm(
            dealReference: reference, dealId: amended.dealId, accountId: accountId, date: now, status: "AMENDED",
            reason: "SUCCESS", dealStatus: "ACCEPTED", epic: amended.epic, expiry: amended.expiry,
            affectedDeals: [.init(dealId: amended.dealId, status: "AMENDED")], level: amended.level,
            size: amended.size, direction: amended.direction, stopDistance: amended.stopDistance,
            limitDistance: amended.limitDistance, guaranteedStop: amended.guaranteedStop)
        self.recordActivity(
            accountId: accountId, date: now, instrument: instrument, epic: amended.epic, period: amended.expiry,
            dealId: amended.dealId, reference: reference, channel: "PUBLIC_WEB_API", type: "WORKING_ORDER",
            status: "ACCEPTED", description: "Order amended: \(amended.dealId)",
            actions: [(amended.kind == .limit ? "LIMIT_ORDER_AMENDED" : "STOP_ORDER_AMENDED", amended.dealId)],
            direction: amended.direction, size: amended.size, level: amended.level,
            guaranteedStop: amended.guaranteedStop, goodTill: amended.goodTill)
        self.publish(confirm, into: &outcome)
        return outcome
    }

    /// Deletes a working order.
    mutating func deleteOrder(dealId: String, accountId: String, now: Date) -> DealOutcome {
        let reference = self.identifiers.makeReference()
        guard let index = self.orders.firstIndex(where: { $0.dealId == dealId && $0.accountId == accountId }) else {
            return self.reject(
                "ORDER_NOT_FOUND", reference: reference, accountId: accountId, epic: nil, expiry: nil,
                direction: nil, size: nil, type: "WORKING_ORDER", now: now)
        }
        let order = self.orders.remove(at: index)
        var outcome = DealOutcome(dealReference: reference)
        outcome.events.append(Self.workingOrderUpdate(order, status: "DELETED", reference: reference, now: now))
        let confirm = SimConfirm(
            dealReference: reference, dealId: order.dealId, accountId: accountId, date: now, status: "DELETED",
            reason: "SUCCESS", dealStatus: "ACCEPTED", epic: order.epic, expiry: order.expiry,
            affectedDeals: [.init(dealId: order.dealId, status: "DELETED")], level: order.level, size: order.size,
            direction: order.direction, guaranteedStop: order.guaranteedStop)
        self.recordActivity(
            accountId: accountId, date: now, instrument: self.market.instrument(order.epic), epic: order.epic,
            period: order.expiry, dealId: order.dealId, reference: reference, channel: "PUBLIC_WEB_API",
            type: "WORKING_ORDER", status: "ACCEPTED", description: "Order deleted: \(order.dealId)",
            actions: [("WORKING_ORDER_DELETED", order.dealId)], direction: order.direction, size: order.size,
            level: order.level)
        self.publish(confirm, into: &outcome)
        return outcome
    }
}
