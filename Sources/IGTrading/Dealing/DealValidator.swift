public import Foundation
public import IGModels

/// Pre-flight checks of orders against a market's dealing rules and the account type. Pure: no I/O.
public enum DealValidator {
    /// Problems with a position order on `market` for an account of `accountType`; empty when it looks fine.
    public static func problems(
        _ order: PositionOrder, market: MarketDetails, accountType: AccountType?
    ) -> [String] {
        var found = common(
            epic: order.epic, expiry: order.expiry, currency: order.currencyCode, size: order.size,
            guaranteedStop: order.guaranteedStop, stopDistance: order.stopDistance,
            limitDistance: order.limitDistance, market: market, accountType: accountType)
        if let reference = order.dealReference, !reference.isValidClientReference {
            found.append("dealReference must be 1–30 characters of A-Z a-z 0-9 _ -")
        }
        if order.stopLevel != nil, order.stopDistance != nil {
            found.append("give stopLevel or stopDistance, not both")
        }
        if order.limitLevel != nil, order.limitDistance != nil {
            found.append("give limitLevel or limitDistance, not both")
        }
        if order.orderType != .market, order.level == nil { found.append("\(order.orderType) orders need a level") }
        if order.guaranteedStop, order.stopLevel == nil, order.stopDistance == nil {
            found.append("a guaranteed stop needs stopLevel or stopDistance")
        }
        if let status = market.snapshot.marketStatus, status != .tradeable {
            found.append("\(order.epic) is \(status) now")
        }
        if order.trailingStop == true, order.stopDistance == nil || order.trailingStopIncrement == nil {
            found.append("a trailing stop needs stopDistance and trailingStopIncrement")
        }
        return found
    }

    /// Problems with a working order on `market` for an account of `accountType`.
    public static func problems(
        _ order: WorkingOrderPlacement, market: MarketDetails, accountType: AccountType?, now: Date = Date()
    ) -> [String] {
        var found = common(
            epic: order.epic, expiry: order.expiry, currency: order.currencyCode, size: order.size,
            guaranteedStop: order.guaranteedStop, stopDistance: order.stopDistance,
            limitDistance: order.limitDistance, market: market, accountType: accountType)
        if let reference = order.dealReference, !reference.isValidClientReference {
            found.append("dealReference must be 1–30 characters of A-Z a-z 0-9 _ -")
        }
        if order.timeInForce == .goodTillDate {
            if let text = order.goodTillDate, let date = IGDateFormat.date(from: text) {
                if date <= now { found.append("goodTillDate \(text) is in the past") }
            } else {
                found.append("GOOD_TILL_DATE orders need goodTillDate")
            }
        }
        if let bid = market.snapshot.bid, let offer = market.snapshot.offer {
            let rightSide: Bool
            switch (order.type, order.direction) {
            case (.limit, .buy): rightSide = order.level < offer
            case (.limit, _): rightSide = order.level > bid
            case (_, .buy): rightSide = order.level > offer
            default: rightSide = order.level < bid
            }
            if !rightSide {
                found.append(
                    "a \(order.direction) \(order.type) order at \(order.level) is on the wrong side of the market "
                        + "(bid \(bid), offer \(offer))")
            }
        }
        return found
    }

    private static func common(
        epic: Epic, expiry: String, currency: String, size: Decimal, guaranteedStop: Bool, stopDistance: Decimal?,
        limitDistance: Decimal?, market: MarketDetails, accountType: AccountType?
    ) -> [String] {
        var found = [String]()
        if accountType == .spreadBet, expiry == "-" {
            found.append("expiry '-' is a CFD expiry; spread bet accounts deal DFB or dated expiries (e.g. SEP-26)")
        }
        if accountType == .cfd, expiry != "-" {
            found.append("expiry '\(expiry)' is a spread bet expiry; CFD accounts deal expiry '-'")
        }
        if let instrumentExpiry = market.instrument.expiry, instrumentExpiry != expiry {
            found.append("\(epic) has expiry '\(instrumentExpiry)', not '\(expiry)'")
        }
        if let currencies = market.instrument.currencies, !currencies.isEmpty,
            !currencies.contains(where: { $0.code == currency })
        {
            found.append(
                "\(epic) is not dealt in \(currency) (currencies: \(currencies.map(\.code).joined(separator: ", ")))")
        }
        let rules = market.dealingRules
        if let minimum = rules?.minDealSize?.value, size < minimum {
            found.append("size \(size) is below the minimum deal size \(minimum)")
        }
        if size <= 0 { found.append("size must be positive") }
        func checkDistance(_ distance: Decimal?, _ rule: RuleValue?, _ what: String) {
            guard let distance, let rule, rule.unit != .percentage, let minimum = rule.value else { return }
            if distance < minimum { found.append("\(what) \(distance) is closer than the minimum \(minimum) points") }
        }
        checkDistance(
            stopDistance, guaranteedStop ? rules?.minControlledRiskStopDistance : rules?.minNormalStopOrLimitDistance,
            guaranteedStop ? "guaranteed stop distance" : "stop distance")
        checkDistance(limitDistance, rules?.minNormalStopOrLimitDistance, "limit distance")
        return found
    }
}
