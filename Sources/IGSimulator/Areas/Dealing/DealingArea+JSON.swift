import Foundation

// JSON shapes of positions and working orders, v1 and v2. Every documented key is present (null when N/A), as
// clients that turn these objects into table columns expect.

extension DealingArea {
    private func marketBlock(
        _ epic: String, expiry: String, version: Int, now: Date, workingOrder: Bool
    ) -> SimulatorJSON {
        guard let instrument = self.catalog.instrument(epic: epic) else { return .null }
        let figures = self.context.figures(instrument, at: now)
        var members: [(String, SimulatorJSON)] = [
            ("instrumentName", .string(instrument.name)),
            ("expiry", .string(expiry)),
            ("epic", .string(instrument.epic)),
            ("instrumentType", .string(instrument.instrumentType)),
            ("lotSize", .double(instrument.lotSize)),
            ("high", .double(figures.high)),
            ("low", .double(figures.low)),
            ("percentageChange", .double(figures.percentageChange)),
            ("netChange", .double(figures.netChange)),
            ("bid", .double(figures.bid)),
            ("offer", .double(figures.offer)),
            ("updateTime", .string(figures.updateTime)),
        ]
        if version >= 2 { members.append(("updateTimeUTC", .string(figures.updateTimeUTC))) }
        members += [
            ("delayTime", .int(0)),
            ("streamingPricesAvailable", .bool(true)),
            ("marketStatus", .string(figures.status)),
            ("scalingFactor", .int(instrument.scalingFactor)),
        ]
        if workingOrder { members.insert(("exchangeId", .string("IG")), at: 1) }
        return .object(members)
    }

    private func premiumJSON(_ guaranteed: Bool, _ epic: String) -> SimulatorJSON {
        guard guaranteed, let instrument = self.catalog.instrument(epic: epic) else { return .null }
        return ["value": .double(instrument.limitedRiskPremium), "unit": "POINTS"]
    }

    /// `{position, market}` of a version.
    func positionJSON(_ position: SimPosition, version: Int, now: Date) -> SimulatorJSON {
        let contractSize = self.catalog.instrument(epic: position.epic).map { DealingMoney.contractSize($0) } ?? 1
        let body: SimulatorJSON
        if version >= 2 {
            body = [
                "contractSize": DealingFormat.number(contractSize),
                "createdDate": .string(DealingFormat.localCreated(position.created)),
                "createdDateUTC": .string(DealingFormat.iso(position.created)),
                "dealId": .string(position.dealId),
                "dealReference": .string(position.dealReference),
                "size": DealingFormat.number(position.size),
                "direction": .string(position.direction.rawValue),
                "limitLevel": DealingFormat.number(position.limitLevel),
                "level": DealingFormat.number(position.level),
                "currency": .string(position.currency),
                "controlledRisk": .bool(position.guaranteedStop),
                "stopLevel": DealingFormat.number(position.stopLevel),
                "trailingStep": DealingFormat.number(position.trailingStep),
                "trailingStopDistance": DealingFormat.number(position.trailingStopDistance),
                "limitedRiskPremium": self.premiumJSON(position.guaranteedStop, position.epic),
            ]
        } else {
            body = [
                "contractSize": DealingFormat.number(contractSize),
                "createdDate": .string(DealingFormat.localCreated(position.created)),
                "dealId": .string(position.dealId),
                "dealSize": DealingFormat.number(position.size),
                "direction": .string(position.direction.rawValue),
                "limitLevel": DealingFormat.number(position.limitLevel),
                "openLevel": DealingFormat.number(position.level),
                "currency": .string(position.currency),
                "controlledRisk": .bool(position.guaranteedStop),
                "stopLevel": DealingFormat.number(position.stopLevel),
                "trailingStep": DealingFormat.number(position.trailingStep),
                "trailingStopDistance": DealingFormat.number(position.trailingStopDistance),
                "limitedRiskPremium": self.premiumJSON(position.guaranteedStop, position.epic),
            ]
        }
        return [
            "position": body,
            "market": self.marketBlock(
                position.epic, expiry: position.expiry, version: version, now: now, workingOrder: false),
        ]
    }

    /// `{workingOrderData, marketData}` of a version.
    func workingOrderJSON(_ order: SimWorkingOrder, version: Int, now: Date) -> SimulatorJSON {
        let body: SimulatorJSON
        if version >= 2 {
            body = [
                "dealId": .string(order.dealId),
                "direction": .string(order.direction.rawValue),
                "epic": .string(order.epic),
                "orderSize": DealingFormat.number(order.size),
                "orderLevel": DealingFormat.number(order.level),
                "timeInForce": .string(order.goodTill == nil ? "GOOD_TILL_CANCELLED" : "GOOD_TILL_DATE"),
                "goodTillDate": .string(order.goodTill.map(DealingFormat.slashedMinutes)),
                "goodTillDateISO": .string(order.goodTill.map(DealingFormat.isoMinutes)),
                "createdDate": .string(DealingFormat.localCreated(order.created)),
                "createdDateUTC": .string(DealingFormat.iso(order.created)),
                "guaranteedStop": .bool(order.guaranteedStop),
                "orderType": .string(order.kind.rawValue),
                "stopDistance": DealingFormat.number(order.stopDistance),
                "limitDistance": DealingFormat.number(order.limitDistance),
                "currencyCode": .string(order.currency),
                "dma": false,
                "limitedRiskPremium": self.premiumJSON(order.guaranteedStop, order.epic),
            ]
        } else {
            let point = self.catalog.instrument(epic: order.epic).map(DealingMarket.pointSize) ?? 1
            body = [
                "dealId": .string(order.dealId),
                "direction": .string(order.direction.rawValue),
                "epic": .string(order.epic),
                "size": DealingFormat.number(order.size),
                "level": DealingFormat.number(order.level),
                "goodTill": .string(order.goodTill.map(DealingFormat.v1GoodTill) ?? "GTC"),
                "createdDate": .string(DealingFormat.localCreated(order.created)),
                "controlledRisk": .bool(order.guaranteedStop),
                "trailingTriggerIncrement": nil,
                "trailingTriggerDistance": nil,
                "trailingStopDistance": nil,
                "trailingStopIncrement": nil,
                "requestType": .string(order.kind == .limit ? "LIMIT_ORDER" : "STOP_ORDER"),
                "contingentStop": DealingFormat.number(
                    order.stopDistance.map { order.level - order.direction.sign * $0 * point }),
                "currencyCode": .string(order.currency),
                "contingentLimit": DealingFormat.number(
                    order.limitDistance.map { order.level + order.direction.sign * $0 * point }),
                "dma": false,
                "limitedRiskPremium": self.premiumJSON(order.guaranteedStop, order.epic),
            ]
        }
        return [
            "workingOrderData": body,
            "marketData": self.marketBlock(
                order.epic, expiry: order.expiry, version: version, now: now, workingOrder: true),
        ]
    }
}
