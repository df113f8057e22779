import Foundation

// Replaying the price path: stops, limits, trailing stops, working orders and good-till-date expiries.

extension DealingEngine {
    /// Something the price path (or the clock) makes happen.
    struct PendingTrigger: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case stop, limit, orderFill, orderExpiry
        }

        var second: Int64
        var dealId: String
        var revision: Int
        var kind: Kind
        var fill: Decimal
    }

    /// Replays the path from the last evaluated second up to `now`, triggering in time order. Returns the events.
    mutating func advance(to now: Date) -> [ExchangeEvent] {
        let end = PriceEngine.second(now) + 1
        let start = self.evaluatedUntil
        guard end > start else { return [] }
        var events = [ExchangeEvent]()
        var checked = [String: Int]()
        var pending = [PendingTrigger]()
        var trailing = [String: Decimal]()
        func refresh(_ engine: inout DealingEngine, from: Int64) {
            for position in engine.positions where checked[position.dealId] != position.revision {
                checked[position.dealId] = position.revision
                pending.removeAll { $0.dealId == position.dealId }
                let begin = max(from, PriceEngine.second(position.created) + 1)
                let (trigger, stop) = engine.market.nextTrigger(position, from: begin, to: end)
                if let trigger { pending.append(trigger) }
                if let stop { trailing[position.dealId] = stop }
            }
            for order in engine.orders where checked[order.dealId] != order.revision {
                checked[order.dealId] = order.revision
                pending.removeAll { $0.dealId == order.dealId }
                let begin = max(from, PriceEngine.second(order.created) + 1)
                if let trigger = engine.market.nextTrigger(order, from: begin, to: end) { pending.append(trigger) }
            }
        }
        refresh(&self, from: start)
        while let next = pending.min(by: {
            ($0.second, $0.kind == .stop ? 0 : 1) < ($1.second, $1.kind == .stop ? 0 : 1)
        }) {
            pending.removeAll { $0 == next }
            self.apply(next, trailingStops: &trailing, events: &events)
            refresh(&self, from: next.second + 1)
        }
        for (dealId, stop) in trailing {
            if let index = self.positions.firstIndex(where: { $0.dealId == dealId }),
                self.positions[index].stopLevel != stop
            {
                self.positions[index].stopLevel = stop
                events.append(
                    Self.positionUpdate(
                        self.positions[index], status: "UPDATED", reference: self.positions[index].dealReference,
                        now: now))
            }
        }
        self.evaluatedUntil = end
        events += self.settleSprints(upTo: now)
        return events
    }

    private mutating func apply(
        _ trigger: PendingTrigger, trailingStops: inout [String: Decimal], events: inout [ExchangeEvent]
    ) {
        let date = Date(timeIntervalSince1970: TimeInterval(trigger.second))
        switch trigger.kind {
        case .stop, .limit:
            guard let index = self.positions.firstIndex(where: { $0.dealId == trigger.dealId }),
                self.positions[index].revision == trigger.revision,
                let instrument = self.market.instrument(self.positions[index].epic)
            else { return }
            let position = self.positions[index]
            var premium: Decimal = 0
            if trigger.kind == .stop, position.guaranteedStop {
                let points = (Decimal(string: String(instrument.limitedRiskPremium)) ?? 0)
                premium = DealingMoney.profit(
                    direction: .buy, open: 0, close: points * DealingMarket.pointSize(instrument), size: position.size,
                    instrument: instrument)
            }
            trailingStops[position.dealId] = nil
            self.settle(
                index: index, size: position.size, level: trigger.fill, reference: self.identifiers.makeReference(),
                now: date,
                channel: "SYSTEM",
                description: trigger.kind == .stop
                    ? "Position/s closed: \(position.dealId) (stop)" : "Position/s closed: \(position.dealId) (limit)",
                premium: premium, events: &events)
        case .orderExpiry:
            guard let index = self.orders.firstIndex(where: { $0.dealId == trigger.dealId }) else { return }
            let order = self.orders.remove(at: index)
            events.append(Self.workingOrderUpdate(order, status: "DELETED", reference: order.dealReference, now: date))
            self.recordActivity(
                accountId: order.accountId, date: date, instrument: self.market.instrument(order.epic),
                epic: order.epic, period: order.expiry, dealId: order.dealId, reference: order.dealReference,
                channel: "SYSTEM", type: "WORKING_ORDER", status: "ACCEPTED",
                description: "Order expired: \(order.dealId)", actions: [("WORKING_ORDER_DELETED", order.dealId)],
                direction: order.direction, size: order.size, level: order.level)
        case .orderFill:
            guard let index = self.orders.firstIndex(where: { $0.dealId == trigger.dealId }),
                self.orders[index].revision == trigger.revision
            else { return }
            let order = self.orders.remove(at: index)
            self.fill(order, level: trigger.fill, date: date, events: &events)
        }
    }

    /// Turns a triggered working order into a position (netting first unless it was placed with `forceOpen`).
    private mutating func fill(_ order: SimWorkingOrder, level: Decimal, date: Date, events: inout [ExchangeEvent]) {
        guard let instrument = self.market.instrument(order.epic) else { return }
        events.append(Self.workingOrderUpdate(order, status: "DELETED", reference: order.dealReference, now: date))
        var remaining = order.size
        if !order.forceOpen {
            let opposite = self.nettingCandidates(
                accountId: order.accountId, epic: order.epic, expiry: order.expiry, currency: order.currency,
                direction: order.direction.opposite
            ).map { self.positions[$0].dealId }
            for dealId in opposite where remaining > 0 {
                guard let index = self.positions.firstIndex(where: { $0.dealId == dealId }) else { continue }
                let part = min(remaining, self.positions[index].size)
                self.settle(
                    index: index, size: part, level: level, reference: order.dealReference, now: date,
                    channel: "SYSTEM", description: nil, events: &events)
                remaining -= part
            }
        }
        let action = order.kind == .limit ? "LIMIT_ORDER_FILLED" : "STOP_ORDER_FILLED"
        guard remaining > 0 else { return }
        let point = DealingMarket.pointSize(instrument)
        let position = SimPosition(
            dealId: order.dealId, dealReference: order.dealReference, accountId: order.accountId, epic: order.epic,
            expiry: order.expiry, direction: order.direction, size: remaining, level: level, currency: order.currency,
            created: date,
            stopLevel: order.stopDistance.map {
                DealingMarket.rounded(level - order.direction.sign * $0 * point, instrument)
            },
            limitLevel: order.limitDistance.map {
                DealingMarket.rounded(level + order.direction.sign * $0 * point, instrument)
            },
            guaranteedStop: order.guaranteedStop && order.stopDistance != nil, contractExpiry: order.contractExpiry)
        self.positions.append(position)
        events.append(Self.positionUpdate(position, status: "OPEN", reference: order.dealReference, now: date))
        events.append(.accountChanged(accountId: order.accountId))
        self.recordActivity(
            accountId: order.accountId, date: date, instrument: instrument, epic: order.epic, period: order.expiry,
            dealId: position.dealId, reference: order.dealReference, channel: "SYSTEM", type: "WORKING_ORDER",
            status: "ACCEPTED", description: "Order filled: \(order.dealId)",
            actions: [(action, order.dealId), ("POSITION_OPENED", position.dealId)], direction: order.direction,
            size: remaining, level: level, stopLevel: position.stopLevel, limitLevel: position.limitLevel,
            guaranteedStop: position.guaranteedStop)
    }
}
