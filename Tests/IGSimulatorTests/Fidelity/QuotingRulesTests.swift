import Foundation
import Testing

@testable import IGSimulator

/// Dealing rules, trailing stops and sprint strikes in each family's points, on the dealing engine at a fixed
/// Wednesday: IG's minimum distances are in points, so "2 points" on a spread bet quoted in points is 2.0 and on a
/// raw-quoted FX CFD it is 0.0002.
@Suite("Fidelity: dealing rules and sprint strikes in points (engine)")
struct QuotingRulesTests {
    static func open(
        _ family: QuotingCase, stopDistance: Decimal, guaranteed: Bool = false, trailingStep: Decimal? = nil,
        engine: inout DealingEngine
    ) throws -> SimConfirm {
        let instrument = try #require(engine.market.instrument(family.epic))
        var request = OpenPositionRequest(
            dealReference: nil, epic: family.epic, expiry: instrument.expiry, direction: .buy, size: family.size,
            currencyCode: instrument.defaultCurrency.code, forceOpen: true)
        request.stopDistance = stopDistance
        request.guaranteedStop = guaranteed
        request.trailingStop = trailingStep != nil
        request.trailingStopIncrement = trailingStep
        let outcome = engine.openPosition(
            request, accountId: family.accountId, now: QuotingEngineTests.wednesday, trailingStopsEnabled: nil)
        return try #require(outcome.confirm)
    }

    @Test(
        "a stop inside the minimum distance in points is refused; at the minimum it is accepted",
        arguments: QuotingCase.all)
    func minimumStopDistanceInPoints(_ family: QuotingCase) throws {
        var engine = QuotingEngineTests.engine()
        _ = engine.advance(to: QuotingEngineTests.wednesday)
        let instrument = try #require(engine.market.instrument(family.epic))
        let minimum = try #require(Decimal(string: String(instrument.dealingRules.minNormalStopOrLimitDistance.value)))
        try #require(minimum > 0)
        let inside = try Self.open(family, stopDistance: minimum / 2, engine: &engine)
        #expect(!inside.isAccepted && inside.reason == "ATTACHED_ORDER_LEVEL_ERROR", "\(inside.reason)")
        let atMinimum = try Self.open(family, stopDistance: minimum, engine: &engine)
        #expect(atMinimum.isAccepted, "\(atMinimum.reason)")
        let level = try #require(atMinimum.level)
        #expect(atMinimum.stopLevel == DealingMarket.rounded(level - minimum * family.point, instrument))
    }

    @Test("a guaranteed stop needs the guaranteed minimum distance in points", arguments: QuotingCase.all)
    func guaranteedStopDistanceInPoints(_ family: QuotingCase) throws {
        var engine = QuotingEngineTests.engine()
        _ = engine.advance(to: QuotingEngineTests.wednesday)
        let instrument = try #require(engine.market.instrument(family.epic))
        let minimum = try #require(
            Decimal(string: String(instrument.dealingRules.minControlledRiskStopDistance.value)))
        let inside = try Self.open(family, stopDistance: minimum - 1, guaranteed: true, engine: &engine)
        #expect(!inside.isAccepted && inside.reason == "ATTACHED_ORDER_LEVEL_ERROR", "\(inside.reason)")
        let accepted = try Self.open(family, stopDistance: minimum, guaranteed: true, engine: &engine)
        #expect(accepted.isAccepted, "\(accepted.reason)")
        let level = try #require(accepted.level)
        #expect(accepted.stopLevel == DealingMarket.rounded(level - minimum * family.point, instrument))
    }

    /// FX quoted in points and raw: a trailing stop of 20 points with a step of 5 follows the best bid in points.
    static let trailingFamilies = QuotingCase.all.filter { $0.epic.hasPrefix("CS.D.") }

    @Test(
        "a trailing stop trails the best bid by its distance in points, in whole steps",
        arguments: trailingFamilies)
    func trailingStopInPoints(_ family: QuotingCase) throws {
        var engine = QuotingEngineTests.engine()
        let start = QuotingEngineTests.wednesday
        _ = engine.advance(to: start)
        let instrument = try #require(engine.market.instrument(family.epic))
        let distance = family.stopDistance
        let step: Decimal = 5
        let confirm = try Self.open(family, stopDistance: distance, trailingStep: step, engine: &engine)
        #expect(confirm.isAccepted, "\(confirm.reason)")
        let initialStop = try #require(confirm.stopLevel)
        let dealId = confirm.dealId
        let later = start.addingTimeInterval(3 * 3600)
        _ = engine.advance(to: later)
        // Stopped out meanwhile: nothing left to check on this path.
        guard let position = engine.positions.first(where: { $0.dealId == dealId }) else { return }
        let stop = try #require(position.stopLevel)
        let extremes = try #require(
            engine.market.extremes(
                instrument, from: PriceEngine.second(start) + 1, to: PriceEngine.second(later) + 1))
        let trailed = extremes.highBid - distance * family.point
        #expect(stop >= initialStop)
        #expect(stop <= max(initialStop, DealingMarket.rounded(trailed, instrument)), "stop \(stop), best \(trailed)")
        #expect(trailed - stop < step * family.point, "stop \(stop) lags the best bid \(extremes.highBid)")
    }

    @Test(
        "a sprint market quotes as its underlying and strikes at its mid, in the same unit",
        arguments: [
            ("FM.D.EURUSD24.EURUSD24.IP", "CS.D.EURUSD.TODAY.IP"),
            ("FM.D.USDJPY24.USDJPY24.IP", "CS.D.USDJPY.TODAY.IP"),
            ("FM.D.FTSE.FTSE.IP", "IX.D.FTSE.DAILY.IP"), ("FM.D.GER30.GER30.IP", "IX.D.DAX.DAILY.IP"),
        ])
    func sprintStrike(_ sprintEpic: String, _ underlyingEpic: String) throws {
        var engine = QuotingEngineTests.engine()
        let now = QuotingEngineTests.wednesday
        _ = engine.advance(to: now)
        let sprint = try #require(engine.market.instrument(sprintEpic))
        let underlying = try #require(engine.market.instrument(underlyingEpic))
        #expect(sprint.scalingFactor == underlying.scalingFactor)
        #expect(sprint.priceProfile.decimalPlaces == underlying.priceProfile.decimalPlaces)
        #expect(sprint.instrumentType == "SPRINT_MARKET")
        let opening = engine.openSprint(
            SprintPositionRequest(
                dealReference: nil, epic: sprintEpic, direction: .buy, size: 10, expiryPeriod: .fiveMinutes),
            accountId: "ZSB01", now: now)
        let confirm = try #require(opening.confirm)
        #expect(confirm.isAccepted, "\(confirm.reason)")
        let quote = engine.market.quote(underlying, at: now)
        #expect(confirm.level == DealingMarket.rounded((quote.bid + quote.offer) / 2, underlying))
    }
}
