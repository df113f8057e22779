import Foundation
import Testing

@testable import IGSimulator

/// Sprint markets in the dealing engine, with injected time: stake, strike, settlement by the price path.
@Suite("Sprint markets (engine)")
struct SprintEngineTests {
    static let ftseSprint = "FM.D.FTSE.FTSE.IP"

    static func request(_ direction: DealSide, _ size: Decimal, reference: String? = nil) -> SprintPositionRequest {
        SprintPositionRequest(
            dealReference: reference, epic: ftseSprint, direction: direction, size: size, expiryPeriod: .fiveMinutes)
    }

    @Test func openingTakesTheStakeAndSettlementPaysWinners() throws {
        var engine = DealingEngineTests.engine()
        let now = DealingEngineTests.wednesday
        let account = DealingEngineTests.spreadBet
        let before = try #require(engine.accounts[account]).balance
        _ = engine.advance(to: now)
        let opening = engine.openSprint(Self.request(.buy, 10), accountId: account, now: now)
        #expect(opening.events.contains(.accountChanged(accountId: account)))
        let buy = try #require(opening.confirm)
        let sell = try #require(engine.openSprint(Self.request(.sell, 10), accountId: account, now: now).confirm)
        #expect(buy.isAccepted && sell.isAccepted && buy.status == "OPEN")
        let instrument = try #require(engine.market.instrument(Self.ftseSprint))
        let strike = engine.mid(instrument, at: now)
        #expect(buy.level == strike && sell.level == strike)
        #expect(engine.sprints.count == 2)
        #expect(engine.sprints.allSatisfy { $0.payout == 18.5 && $0.expiry == now.addingTimeInterval(300) })
        #expect(try #require(engine.accounts[account]).balance == before - 20)

        // Nothing settles before expiry.
        _ = engine.advance(to: now.addingTimeInterval(299))
        #expect(engine.sprints.count == 2)

        let settlement = engine.advance(to: now.addingTimeInterval(301))
        #expect(engine.sprints.isEmpty)
        #expect(settlement.filter { $0 == .accountChanged(accountId: account) }.count == 2)
        let close = engine.mid(instrument, at: now.addingTimeInterval(300))
        let buyWins = close > strike
        let sellWins = close < strike
        let expected = before - 20 + (buyWins ? 18.5 : 0) + (sellWins ? 18.5 : 0)
        #expect(try #require(engine.accounts[account]).balance == expected)
        let settled = engine.ledger.transactions.filter { $0.reference == buy.dealId || $0.reference == sell.dealId }
        #expect(settled.count == 2)
        #expect(settled.first { $0.reference == buy.dealId }?.profitAndLoss == (buyWins ? 8.5 : -10))
        #expect(settled.allSatisfy { $0.openLevel == strike && $0.closeLevel == close })
        let activities = engine.ledger.activities.filter { $0.dealId == buy.dealId }
        #expect(activities.map(\.channel) == ["PUBLIC_WEB_API", "SYSTEM"])
    }

    @Test func aReusedReferenceIsNotExecutedTwice() throws {
        var engine = DealingEngineTests.engine()
        let now = DealingEngineTests.wednesday
        _ = engine.advance(to: now)
        let first = engine.openSprint(
            Self.request(.buy, 5, reference: "SPRINT-1"), accountId: DealingEngineTests.spreadBet, now: now)
        let again = engine.openSprint(
            Self.request(.buy, 5, reference: "SPRINT-1"), accountId: DealingEngineTests.spreadBet, now: now)
        #expect(engine.sprints.count == 1)
        #expect(again.confirm?.dealId == first.confirm?.dealId)
    }

    @Test func aStakeAboveTheAvailableFundsIsRejected() throws {
        var engine = DealingEngineTests.engine()
        let now = DealingEngineTests.wednesday
        _ = engine.advance(to: now)
        let confirm = try #require(
            engine.openSprint(Self.request(.buy, 1_000_000), accountId: DealingEngineTests.spreadBet, now: now).confirm)
        #expect(confirm.dealStatus == "REJECTED" && confirm.reason == "INSUFFICIENT_FUNDS")
        #expect(engine.sprints.isEmpty)
    }

    @Test func sprintMarketsCannotBeDealtAsOTCPositions() throws {
        var engine = DealingEngineTests.engine()
        let confirm = DealingEngineTests.open(
            &engine, DealingEngineTests.order(.buy, 1, epic: Self.ftseSprint, expiry: "-"))
        #expect(confirm.dealStatus == "REJECTED" && confirm.reason == "MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT")
    }
}
