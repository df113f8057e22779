import Foundation

// Checks shared by positions and working orders; each failure is an IG rejection reason.

extension DealingEngine {
    /// A rejection reason (the `reason` of a REJECTED confirm).
    struct Rejection: Error, Sendable, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// A rule value in price units at `level`.
    static func distance(_ rule: Instrument.RuleValue, level: Decimal, instrument: Instrument) -> Decimal {
        let value = Decimal(string: String(rule.value)) ?? 0
        return rule.unit == "PERCENTAGE" ? level * value / 100 : value * DealingMarket.pointSize(instrument)
    }

    /// The instrument of `epic` for an account, or the rejection: unknown epic, spread bet vs CFD, currency.
    func checkInstrument(
        epic: String, expiry: String, currency: String, accountId: String
    ) -> Result<Instrument, Rejection> {
        guard let instrument = self.market.instrument(epic) else { return .failure(Rejection("INSTRUMENT_NOT_FOUND")) }
        // Sprint markets deal through /positions/sprintmarkets only.
        if instrument.isSprintMarket { return .failure(Rejection("MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT")) }
        let product = self.accounts[accountId]?.product ?? .spreadBet
        switch product {
        case .spreadBet where expiry == "-" || instrument.product == .cfd:
            return .failure(Rejection("REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT"))
        case .cfd where expiry != "-" || instrument.product == .spreadBet:
            return .failure(Rejection("REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT"))
        default:
            break
        }
        guard instrument.currencies.contains(where: { $0.code == currency.uppercased() }) else {
            return .failure(Rejection("INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY"))
        }
        return .success(instrument)
    }

    /// Minimum size and size increment (two decimal places).
    static func checkSize(_ size: Decimal, _ instrument: Instrument) -> Rejection? {
        let minimum = Decimal(string: String(instrument.dealingRules.minDealSize.value)) ?? 0
        if size <= 0 || size < minimum { return Rejection("MINIMUM_ORDER_SIZE_ERROR") }
        var input = size
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        if rounded != size { return Rejection("SIZE_INCREMENT") }
        return nil
    }

    /// Stop and limit levels of a deal at `level`, from levels or distances (points), validated against the
    /// side of the deal and the instrument's minimum distances.
    static func attachedLevels(
        direction: DealSide, level: Decimal, instrument: Instrument, stopLevel: Decimal?, stopDistance: Decimal?,
        limitLevel: Decimal?, limitDistance: Decimal?, guaranteedStop: Bool
    ) -> Result<(stop: Decimal?, limit: Decimal?), Rejection> {
        let point = DealingMarket.pointSize(instrument)
        let stop =
            stopLevel ?? stopDistance.map { DealingMarket.rounded(level - direction.sign * $0 * point, instrument) }
        let limit =
            limitLevel ?? limitDistance.map { DealingMarket.rounded(level + direction.sign * $0 * point, instrument) }
        let rules = instrument.dealingRules
        if let stop {
            let gap = (level - stop) * direction.sign
            let minimum = distance(
                guaranteedStop ? rules.minControlledRiskStopDistance : rules.minNormalStopOrLimitDistance,
                level: level, instrument: instrument)
            if gap <= 0 || gap < minimum { return .failure(Rejection("ATTACHED_ORDER_LEVEL_ERROR")) }
        } else if guaranteedStop {
            return .failure(Rejection("STOP_REQUIRED_ERROR"))
        }
        if let limit {
            let gap = (limit - level) * direction.sign
            let minimum = distance(rules.minNormalStopOrLimitDistance, level: level, instrument: instrument)
            if gap <= 0 || gap < minimum { return .failure(Rejection("ATTACHED_ORDER_LEVEL_ERROR")) }
        }
        return .success((stop, limit))
    }

    /// Trailing stops need the instrument's support and (when the account said so) the account preference.
    static func checkTrailing(_ instrument: Instrument, trailingStopsEnabled: Bool?) -> Rejection? {
        if instrument.dealingRules.trailingStopsPreference != "AVAILABLE" || trailingStopsEnabled == false {
            return Rejection("TRAILING_STOP_NOT_ALLOWED")
        }
        return nil
    }
}

extension Result {
    /// The failure, or nil.
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
