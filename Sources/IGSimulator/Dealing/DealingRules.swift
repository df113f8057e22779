import Foundation

/// IG's dealing rules as pure checks: sizes, attached stop and limit levels, trailing stops, the side of the market
/// of a working order. Each failure is an IG rejection reason.
enum DealingRules {
    typealias Rejection = DealingEngine.Rejection

    /// A rule value in price units at `level`.
    static func distance(_ rule: Instrument.RuleValue, level: Decimal, instrument: Instrument) -> Decimal {
        let value = Decimal(string: String(rule.value)) ?? 0
        return rule.unit == "PERCENTAGE" ? level * value / 100 : value * DealingMarket.pointSize(instrument)
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

    /// Whether a LIMIT or STOP order at `level` sits on the right side of the market.
    static func isRightSide(
        kind: SimWorkingOrder.Kind, direction: DealSide, level: Decimal, quote: DealingMarket.Quote
    )
        -> Bool
    {
        switch (kind, direction) {
        case (.limit, .buy): level < quote.offer
        case (.limit, .sell): level > quote.bid
        case (.stop, .buy): level > quote.offer
        case (.stop, .sell): level < quote.bid
        }
    }

    static func wrongSideReason(_ kind: SimWorkingOrder.Kind) -> String {
        kind == .limit ? "LIMIT_ORDER_WRONG_SIDE_OF_MARKET" : "WRONG_SIDE_OF_MARKET"
    }

    /// Stop and limit distances (points) of an order from levels or distances, validated.
    static func orderDistances(
        direction: DealSide, level: Decimal, instrument: Instrument, stopLevel: Decimal?, stopDistance: Decimal?,
        limitLevel: Decimal?, limitDistance: Decimal?, guaranteedStop: Bool
    ) -> Result<(stop: Decimal?, limit: Decimal?), Rejection> {
        switch attachedLevels(
            direction: direction, level: level, instrument: instrument, stopLevel: stopLevel,
            stopDistance: stopDistance, limitLevel: limitLevel, limitDistance: limitDistance,
            guaranteedStop: guaranteedStop)
        {
        case .failure(let rejection):
            return .failure(rejection)
        case .success(let levels):
            let point = DealingMarket.pointSize(instrument)
            return .success(
                (
                    levels.stop.map { ((level - $0) * direction.sign) / point },
                    levels.limit.map { (($0 - level) * direction.sign) / point }
                ))
        }
    }
}
