import Foundation

// When the price path next triggers a position's stop or limit, or fills or expires a working order.

extension DealingMarket {
    static func stopTrigger(_ direction: DealSide, _ level: Decimal) -> DealingMarket.Trigger {
        direction == .buy ? .bidAtOrBelow(level) : .offerAtOrAbove(level)
    }

    static func limitTrigger(_ direction: DealSide, _ level: Decimal) -> DealingMarket.Trigger {
        direction == .buy ? .bidAtOrAbove(level) : .offerAtOrBelow(level)
    }

    /// The first stop or limit touch of a position in `[from, to)`, and for trailing stops the stop level reached
    /// by then (applied when nothing triggers).
    func nextTrigger(_ position: SimPosition, from: Int64, to: Int64) -> (DealingEngine.PendingTrigger?, Decimal?) {
        guard from < to, let instrument = self.instrument(position.epic) else { return (nil, nil) }
        func earliest(_ stop: Decimal?, _ from: Int64, _ to: Int64) -> DealingEngine.PendingTrigger? {
            var best: DealingEngine.PendingTrigger?
            if let stop,
                let touch = self.firstTouch(
                    instrument, Self.stopTrigger(position.direction, stop), from: from, to: to)
            {
                let gapped = position.direction == .buy ? min(stop, touch.openBid) : max(stop, touch.openOffer)
                best = DealingEngine.PendingTrigger(
                    second: touch.second, dealId: position.dealId, revision: position.revision, kind: .stop,
                    fill: position.guaranteedStop ? stop : gapped)
            }
            if let limit = position.limitLevel,
                let touch = self.firstTouch(
                    instrument, Self.limitTrigger(position.direction, limit), from: from,
                    to: best.map { $0.second } ?? to)
            {
                let better = position.direction == .buy ? max(limit, touch.openBid) : min(limit, touch.openOffer)
                best = DealingEngine.PendingTrigger(
                    second: touch.second, dealId: position.dealId, revision: position.revision, kind: .limit,
                    fill: better)
            }
            return best
        }
        guard let distance = position.trailingStopDistance, var stop = position.stopLevel else {
            return (earliest(position.stopLevel, from, to), nil)
        }
        // Trailing: walk minute slices, ratcheting the stop by whole steps behind the best price.
        let point = DealingMarket.pointSize(instrument)
        let step = max(position.trailingStep ?? 1, 0) * point
        var sliceStart = from
        while sliceStart < to {
            let sliceEnd = min(to, (CivilTime.floorDiv(sliceStart, 60) + 1) * 60)
            if let trigger = earliest(stop, sliceStart, sliceEnd) { return (trigger, stop) }
            if let extremes = self.extremes(instrument, from: sliceStart, to: sliceEnd) {
                let candidate =
                    position.direction == .buy
                    ? extremes.highBid - distance * point : extremes.lowOffer + distance * point
                let gain = (candidate - stop) * position.direction.sign
                if gain > 0, gain >= step { stop = DealingMarket.rounded(candidate, instrument) }
            }
            // Skip closed stretches quickly.
            if !self.isOpen(instrument, at: Date(timeIntervalSince1970: TimeInterval(sliceStart))) {
                sliceStart = (CivilTime.floorDiv(sliceStart, CivilTime.secondsPerDay) + 1) * CivilTime.secondsPerDay
            } else {
                sliceStart = sliceEnd
            }
        }
        return (nil, stop)
    }

    /// The fill or expiry of a working order in `[from, to)`.
    func nextTrigger(_ order: SimWorkingOrder, from: Int64, to: Int64) -> DealingEngine.PendingTrigger? {
        guard from < to, let instrument = self.instrument(order.epic) else { return nil }
        var horizon = to
        var expiry: DealingEngine.PendingTrigger?
        if let goodTill = order.goodTill {
            let second = max(from, PriceEngine.second(goodTill))
            if second < to {
                horizon = second
                expiry = DealingEngine.PendingTrigger(
                    second: second, dealId: order.dealId, revision: order.revision, kind: .orderExpiry, fill: 0)
            }
        }
        let trigger: DealingMarket.Trigger
        switch (order.kind, order.direction) {
        case (.limit, .buy): trigger = .offerAtOrBelow(order.level)
        case (.stop, .buy): trigger = .offerAtOrAbove(order.level)
        case (.limit, .sell): trigger = .bidAtOrAbove(order.level)
        case (.stop, .sell): trigger = .bidAtOrBelow(order.level)
        }
        guard let touch = self.firstTouch(instrument, trigger, from: from, to: horizon) else { return expiry }
        let fill: Decimal
        switch (order.kind, order.direction) {
        case (.limit, .buy): fill = min(order.level, touch.openOffer)
        case (.stop, .buy): fill = max(order.level, touch.openOffer)
        case (.limit, .sell): fill = max(order.level, touch.openBid)
        case (.stop, .sell): fill = min(order.level, touch.openBid)
        }
        return DealingEngine.PendingTrigger(
            second: touch.second, dealId: order.dealId, revision: order.revision, kind: .orderFill, fill: fill)
    }
}
