import Foundation

// Dated contracts at their last dealing time: IG closes open positions at the settlement price and the contract's
// working orders go with it.

extension DealingEngine {
    /// The last dealing times (UTC seconds, ascending) of contracts that positions or working orders are in, up to
    /// `now`: each is a moment ``expireContracts(at:)`` must run, after the path has been replayed to it.
    func contractExpiries(through now: Date) -> [Int64] {
        let end = PriceEngine.second(now)
        let dates = self.positions.compactMap(\.contractExpiry) + self.orders.compactMap(\.contractExpiry)
        return Set(dates.map(PriceEngine.second).filter { $0 <= end }).sorted()
    }

    /// Closes every position whose contract stopped dealing at or before `second` at the settlement price (the
    /// contract's closing quote then: a long at the bid, a short at the offer, IG's settlement price plus or minus
    /// its dealing spread), booking the profit as a DEAL transaction, and deletes the contract's working orders.
    mutating func expireContracts(at second: Int64) -> [ExchangeEvent] {
        var events = [ExchangeEvent]()
        let due = { (expiry: Date?) in expiry.map { PriceEngine.second($0) <= second } ?? false }
        for dealId in self.positions.filter({ due($0.contractExpiry) }).map(\.dealId) {
            guard let index = self.positions.firstIndex(where: { $0.dealId == dealId }) else { continue }
            let position = self.positions[index]
            let settlement = position.contractExpiry ?? Date(timeIntervalSince1970: TimeInterval(second))
            guard let instrument = self.market.instrument(position.epic) else {
                self.positions.remove(at: index)
                continue
            }
            let quote = self.market.quote(instrument, at: settlement)
            self.settle(
                index: index, size: position.size, level: position.direction == .buy ? quote.bid : quote.offer,
                reference: self.identifiers.makeReference(), now: settlement, channel: "SYSTEM",
                description: "Position/s closed: \(position.dealId) (contract \(position.expiry) expired)",
                events: &events)
        }
        for order in self.orders where due(order.contractExpiry) {
            let date = order.contractExpiry ?? Date(timeIntervalSince1970: TimeInterval(second))
            events.append(Self.workingOrderUpdate(order, status: "DELETED", reference: order.dealReference, now: date))
            self.recordActivity(
                accountId: order.accountId, date: date, instrument: self.market.instrument(order.epic),
                epic: order.epic, period: order.expiry, dealId: order.dealId, reference: order.dealReference,
                channel: "SYSTEM", type: "WORKING_ORDER", status: "ACCEPTED",
                description: "Order deleted: \(order.dealId) (contract \(order.expiry) expired)",
                actions: [("WORKING_ORDER_DELETED", order.dealId)], direction: order.direction, size: order.size,
                level: order.level)
        }
        self.orders.removeAll { due($0.contractExpiry) }
        return events
    }
}
