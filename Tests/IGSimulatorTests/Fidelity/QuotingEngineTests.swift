import Foundation
import Testing

@testable import IGSimulator

/// Each family quoted as IG quotes it, checked on the dealing engine at a fixed Wednesday: the quote's unit, an
/// open with a stop distance in points landing where IG's rule puts it, and the profit of a move per point.
@Suite("Fidelity: quoting conventions per family (engine)")
struct QuotingEngineTests {
    static let wednesday = Date(
        timeIntervalSince1970: TimeInterval(CivilTime(year: 2025, month: 1, day: 8, hour: 10).utcSeconds))

    static func engine() -> DealingEngine {
        DealingEngine(
            market: DealingMarket(catalog: Catalog(now: wednesday), prices: PriceEngine(seed: 42)),
            settings: DealingConfiguration(duplicateOrderWindow: .zero), seed: 42,
            accounts: SimulatedAccount.standard, now: wednesday)
    }

    @Test("the quote is in the family's unit and scaling", arguments: QuotingCase.all)
    func quoteUnit(_ family: QuotingCase) throws {
        let engine = Self.engine()
        let instrument = try #require(engine.market.instrument(family.epic))
        #expect(instrument.scalingFactor == family.scalingFactor)
        #expect(instrument.priceProfile.decimalPlaces == family.decimals)
        #expect(DealingMarket.pointSize(instrument) == family.point)
        let quote = engine.market.quote(instrument, at: Self.wednesday)
        let bid = (quote.bid as NSDecimalNumber).doubleValue
        #expect(family.range.contains(bid), "bid \(bid) outside \(family.range)")
        #expect(quote.offer > quote.bid)
    }

    @Test("a stop distance in points lands at level ∓ distance × point; P&L per point", arguments: QuotingCase.all)
    func stopDistanceAndProfitPerPoint(_ family: QuotingCase) throws {
        var engine = Self.engine()
        let instrument = try #require(engine.market.instrument(family.epic))
        let expiry = instrument.expiry
        let currency = instrument.defaultCurrency.code
        let size = family.size
        _ = engine.advance(to: Self.wednesday)
        var open = OpenPositionRequest(
            dealReference: nil, epic: family.epic, expiry: expiry, direction: .buy, size: size,
            currencyCode: currency, forceOpen: true)
        open.stopDistance = family.stopDistance
        let confirm = try #require(
            engine.openPosition(open, accountId: family.accountId, now: Self.wednesday, trailingStopsEnabled: nil)
                .confirm)
        #expect(confirm.isAccepted, "\(confirm.reason)")
        let level = try #require(confirm.level)
        let quote = engine.market.quote(instrument, at: Self.wednesday)
        #expect(level == quote.offer)
        #expect(confirm.stopLevel == DealingMarket.rounded(level - family.stopDistance * family.point, instrument))

        // Close a minute later; the deal's profit is the move in points × size × value of a point.
        let later = Self.wednesday.addingTimeInterval(60)
        _ = engine.advance(to: later)
        let close = OpenPositionRequest(
            dealReference: nil, epic: family.epic, expiry: expiry, direction: .sell, size: size,
            currencyCode: currency, forceOpen: false)
        let closed = try #require(
            engine.openPosition(close, accountId: family.accountId, now: later, trailingStopsEnabled: nil).confirm)
        #expect(closed.isAccepted, "\(closed.reason)")
        let transaction = try #require(engine.ledger.transactions.last)
        let closeLevel = try #require(transaction.closeLevel)
        let points = (closeLevel - level) / family.point
        #expect(transaction.profitAndLoss == DealingMoney.money(points * size * family.gbpPerPoint))
    }
}
