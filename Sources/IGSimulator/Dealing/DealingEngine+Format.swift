import Foundation

extension DealingEngine {
    /// The confirm as `GET /confirms/{dealReference}` and the TRADE `CONFIRMS` field spell it.
    static func confirmJSON(_ confirm: SimConfirm) -> SimulatorJSON {
        [
            "date": .string(DealingFormat.isoMillis(confirm.date)),
            "status": .string(confirm.status),
            "reason": .string(confirm.reason),
            "dealStatus": .string(confirm.dealStatus),
            "epic": .string(confirm.epic),
            "expiry": .string(confirm.expiry),
            "dealReference": .string(confirm.dealReference),
            "dealId": .string(confirm.dealId),
            "affectedDeals": .array(
                confirm.affectedDeals.map { ["dealId": .string($0.dealId), "status": .string($0.status)] }),
            "level": DealingFormat.number(confirm.level),
            "size": DealingFormat.number(confirm.size),
            "direction": .string(confirm.direction?.rawValue),
            "stopLevel": DealingFormat.number(confirm.stopLevel),
            "limitLevel": DealingFormat.number(confirm.limitLevel),
            "stopDistance": DealingFormat.number(confirm.stopDistance),
            "limitDistance": DealingFormat.number(confirm.limitDistance),
            "guaranteedStop": .bool(confirm.guaranteedStop),
            "trailingStop": .bool(confirm.trailingStop),
            "profit": DealingFormat.number(confirm.profit),
            "profitCurrency": .string(confirm.profitCurrency),
        ]
    }

    /// An `OPU` event text for a position (`status`: OPEN, UPDATED or DELETED).
    static func positionUpdate(
        _ position: SimPosition, status: String, reference: String, now: Date, channel: String = "PublicRestOTC"
    ) -> ExchangeEvent {
        let json: SimulatorJSON = [
            "dealReference": .string(reference),
            "dealId": .string(position.dealId),
            "direction": .string(position.direction.rawValue),
            "epic": .string(position.epic),
            "status": .string(status),
            "dealStatus": "ACCEPTED",
            "level": DealingFormat.number(position.level),
            "size": DealingFormat.number(position.size),
            "timestamp": .string(DealingFormat.isoMillis(now)),
            "channel": .string(channel),
            "dealIdOrigin": .string(position.dealId),
            "expiry": .string(position.expiry),
            "stopLevel": DealingFormat.number(position.stopLevel),
            "limitLevel": DealingFormat.number(position.limitLevel),
            "guaranteedStop": .bool(position.guaranteedStop),
            "currency": .string(position.currency),
        ]
        return .positionUpdate(accountId: position.accountId, json: json.text)
    }

    /// A `WOU` event text for a working order (`status`: OPEN, UPDATED or DELETED).
    static func workingOrderUpdate(
        _ order: SimWorkingOrder, status: String, reference: String, now: Date, channel: String = "PublicRestOTC"
    ) -> ExchangeEvent {
        let json: SimulatorJSON = [
            "dealReference": .string(reference),
            "dealId": .string(order.dealId),
            "direction": .string(order.direction.rawValue),
            "epic": .string(order.epic),
            "status": .string(status),
            "dealStatus": "ACCEPTED",
            "level": DealingFormat.number(order.level),
            "size": DealingFormat.number(order.size),
            "timestamp": .string(DealingFormat.isoMillis(now)),
            "channel": .string(channel),
            "expiry": .string(order.expiry),
            "stopDistance": DealingFormat.number(order.stopDistance),
            "limitDistance": DealingFormat.number(order.limitDistance),
            "guaranteedStop": .bool(order.guaranteedStop),
            "orderType": .string(order.kind.rawValue),
            "timeInForce": .string(order.goodTill == nil ? "GOOD_TILL_CANCELLED" : "GOOD_TILL_DATE"),
            "goodTillDate": .string(order.goodTill.map(DealingFormat.slashedMinutes)),
            "currency": .string(order.currency),
        ]
        return .workingOrderUpdate(accountId: order.accountId, json: json.text)
    }
}
