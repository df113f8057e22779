import Foundation
import Testing

@testable import IGSimulator

/// Scenario tests of the dealing engine as a pure state machine: time is injected, never read from the clock.
@Suite("Dealing engine")
struct DealingEngineTests {
    // `CS.D.EURUSD.TODAY.IP` is quoted in points as IG quotes spread-bet FX (about 10800): 5 points is 0.0005 in
    // the raw rate.
    static let wednesday = Date(
        timeIntervalSince1970: TimeInterval(CivilTime(year: 2025, month: 1, day: 8, hour: 10).utcSeconds))
    static let saturday = Date(
        timeIntervalSince1970: TimeInterval(CivilTime(year: 2025, month: 1, day: 11, hour: 10).utcSeconds))
    static let eurusd = "CS.D.EURUSD.TODAY.IP"
    static let spreadBet = "ZSB01"
    static let cfd = "ZCF02"

    static func engine(
        at now: Date = wednesday, settings: DealingConfiguration = DealingConfiguration()
    ) -> DealingEngine {
        DealingEngine(
            market: DealingMarket(catalog: Catalog(now: now), prices: PriceEngine(seed: 42)), settings: settings,
            seed: 42, accounts: SimulatedAccount.standard, now: now)
    }

    static func order(
        _ direction: DealSide, _ size: Decimal, epic: String = eurusd, expiry: String = "DFB", forceOpen: Bool = true,
        reference: String? = nil
    ) -> OpenPositionRequest {
        OpenPositionRequest(
            dealReference: reference, epic: epic, expiry: expiry, direction: direction, size: size,
            currencyCode: "GBP", forceOpen: forceOpen)
    }

    static func open(
        _ engine: inout DealingEngine, _ request: OpenPositionRequest, account: String = spreadBet,
        at now: Date = wednesday
    ) -> SimConfirm {
        _ = engine.advance(to: now)
        let outcome = engine.openPosition(request, accountId: account, now: now, trailingStopsEnabled: nil)
        return outcome.confirm!
    }

    @Test func marketOrdersFillAtOfferAndBid() {
        var engine = Self.engine()
        let quote = engine.market.quote(engine.market.instrument(Self.eurusd)!, at: Self.wednesday)
        let buy = Self.open(&engine, Self.order(.buy, 1))
        let sell = Self.open(&engine, Self.order(.sell, 2))
        #expect(buy.isAccepted && buy.status == "OPEN" && buy.reason == "SUCCESS")
        #expect(buy.level == quote.offer)
        #expect(sell.level == quote.bid)
        #expect(engine.positions.count == 2)
        #expect(buy.affectedDeals == [.init(dealId: buy.dealId, status: "OPENED")])
        let figures = engine.figures(accountId: Self.spreadBet, now: Self.wednesday)
        #expect(figures.deposit > 0)
        #expect(figures.available < figures.balance)
    }

    @Test func nettingClosesPartlyThenFully() {
        var engine = Self.engine()
        let buy = Self.open(&engine, Self.order(.buy, 2))
        let partial = Self.open(&engine, Self.order(.sell, 1, forceOpen: false))
        #expect(partial.isAccepted)
        #expect(partial.status == "PARTIALLY_CLOSED")
        #expect(partial.affectedDeals == [.init(dealId: buy.dealId, status: "PARTIALLY_CLOSED")])
        #expect(engine.positions.count == 1 && engine.positions[0].size == 1)
        let later = Self.wednesday.addingTimeInterval(5)
        let full = Self.open(&engine, Self.order(.sell, 1.5, forceOpen: false), at: later)
        #expect(full.status == "OPEN")
        #expect(full.affectedDeals.first == .init(dealId: buy.dealId, status: "FULLY_CLOSED"))
        #expect(engine.positions.count == 1)
        #expect(engine.positions[0].direction == .sell && engine.positions[0].size == 0.5)
        #expect(engine.ledger.transactions.count == 2)
    }

    @Test func forceOpenKeepsOppositePositions() {
        var engine = Self.engine()
        _ = Self.open(&engine, Self.order(.buy, 1))
        _ = Self.open(&engine, Self.order(.sell, 1, forceOpen: true))
        #expect(engine.positions.count == 2)
    }

    @Test func partialCloseBooksProfit() {
        var engine = Self.engine()
        let buy = Self.open(&engine, Self.order(.buy, 4))
        let before = engine.accounts[Self.spreadBet]!.balance
        let later = Self.wednesday.addingTimeInterval(3600)
        _ = engine.advance(to: later)
        let close = engine.closePosition(
            ClosePositionRequest(dealId: buy.dealId, direction: .sell, size: 1), accountId: Self.spreadBet, now: later
        ).confirm!
        #expect(close.isAccepted && close.status == "PARTIALLY_CLOSED")
        #expect(close.dealId == buy.dealId)
        #expect(close.profit != nil)
        #expect(engine.accounts[Self.spreadBet]!.balance == before + close.profit!)
        #expect(engine.positions[0].size == 3)
        let rest = engine.closePosition(
            ClosePositionRequest(dealId: buy.dealId, direction: .sell, size: 3), accountId: Self.spreadBet, now: later
        ).confirm!
        #expect(rest.status == "CLOSED")
        #expect(rest.affectedDeals == [.init(dealId: buy.dealId, status: "FULLY_CLOSED")])
        #expect(engine.positions.isEmpty)
    }

    @Test func stopAndLimitTriggerOnThePricePath() {
        var engine = Self.engine()
        var stopped = Self.order(.buy, 1)
        stopped.stopDistance = 2
        var limited = Self.order(.sell, 1)
        limited.limitDistance = 2
        let stop = Self.open(&engine, stopped)
        let limit = Self.open(&engine, limited)
        #expect(stop.stopLevel != nil && limit.limitLevel != nil)
        let events = engine.advance(to: Self.wednesday.addingTimeInterval(86_400))
        #expect(engine.positions.isEmpty)
        let closes = engine.ledger.activities.filter { $0.channel == "SYSTEM" }
        #expect(closes.contains { $0.dealId == stop.dealId && $0.description.contains("stop") })
        #expect(closes.contains { $0.dealId == limit.dealId && $0.description.contains("limit") })
        #expect(events.contains { if case .positionUpdate = $0 { true } else { false } })
        // The limit fills at its level or better.
        let limitFill = engine.ledger.transactions.first { $0.reference == limit.dealId }!
        #expect(limitFill.closeLevel! <= limit.limitLevel!)
    }

    @Test func guaranteedStopFillsAtItsLevelAndChargesThePremium() {
        var engine = Self.engine()
        var order = Self.order(.buy, 1)
        order.guaranteedStop = true
        order.stopDistance = 30
        let confirm = Self.open(&engine, order)
        #expect(confirm.isAccepted && confirm.guaranteedStop)
        _ = engine.advance(to: Self.wednesday.addingTimeInterval(30 * 86_400))
        #expect(engine.positions.isEmpty)
        let fill = engine.ledger.transactions.first { $0.reference == confirm.dealId && $0.transactionType == "DEAL" }!
        #expect(fill.closeLevel == confirm.stopLevel)
        #expect(engine.ledger.transactions.contains { $0.reference == confirm.dealId && $0.transactionType == "CHART" })
    }

    @Test func guaranteedStopTooCloseIsRejected() {
        var engine = Self.engine()
        var order = Self.order(.buy, 1)
        order.guaranteedStop = true
        order.stopDistance = 5
        #expect(Self.open(&engine, order).reason == "ATTACHED_ORDER_LEVEL_ERROR")
    }

    @Test func trailingStopFollowsThePrice() {
        var engine = Self.engine()
        var order = Self.order(.buy, 1)
        order.trailingStop = true
        order.stopDistance = 20
        order.trailingStopIncrement = 1
        let confirm = Self.open(&engine, order)
        let initial = confirm.stopLevel!
        _ = engine.advance(to: Self.wednesday.addingTimeInterval(6 * 3600))
        if let position = engine.positions.first {
            #expect(position.stopLevel! >= initial)
        } else {
            let fill = engine.ledger.transactions.first { $0.reference == confirm.dealId }!
            #expect(fill.closeLevel! <= fill.openLevel! + 1)
        }
    }

    @Test func workingOrdersTriggerIntoPositions() {
        var engine = Self.engine()
        let instrument = engine.market.instrument(Self.eurusd)!
        let quote = engine.market.quote(instrument, at: Self.wednesday)
        let limit = engine.createOrder(
            WorkingOrderRequest(
                epic: Self.eurusd, expiry: "DFB", direction: .buy, size: 1, level: quote.offer - 5, kind: .limit,
                currencyCode: "GBP", stopDistance: 20),
            accountId: Self.spreadBet, now: Self.wednesday
        ).confirm!
        let stop = engine.createOrder(
            WorkingOrderRequest(
                epic: Self.eurusd, expiry: "DFB", direction: .sell, size: 1, level: quote.bid - 5, kind: .stop,
                currencyCode: "GBP"),
            accountId: Self.spreadBet, now: Self.wednesday
        ).confirm!
        #expect(limit.isAccepted && limit.status == "OPEN" && stop.isAccepted)
        #expect(engine.orders.count == 2)
        _ = engine.advance(to: Self.wednesday.addingTimeInterval(2 * 86_400))
        #expect(engine.orders.isEmpty)
        let fromLimit = engine.ledger.activities.first { $0.actions.contains { $0.0 == "LIMIT_ORDER_FILLED" } }
        let fromStop = engine.ledger.activities.first { $0.actions.contains { $0.0 == "STOP_ORDER_FILLED" } }
        #expect(fromLimit?.dealId == limit.dealId)
        #expect(fromStop?.dealId == stop.dealId)
        #expect(fromLimit?.level.map { $0 <= quote.offer - 5 } == true)
    }

    @Test func goodTillDateOrdersExpire() {
        var engine = Self.engine()
        let quote = engine.market.quote(engine.market.instrument(Self.eurusd)!, at: Self.wednesday)
        let confirm = engine.createOrder(
            WorkingOrderRequest(
                epic: Self.eurusd, expiry: "DFB", direction: .buy, size: 1, level: quote.offer - 500, kind: .limit,
                goodTill: Self.wednesday.addingTimeInterval(60), currencyCode: "GBP"),
            accountId: Self.spreadBet, now: Self.wednesday
        ).confirm!
        #expect(confirm.isAccepted)
        _ = engine.advance(to: Self.wednesday.addingTimeInterval(120))
        #expect(engine.orders.isEmpty)
        #expect(engine.ledger.activities.contains { $0.description.hasPrefix("Order expired") })
    }

    @Test func weekendClosesMarketsExceptCrypto() {
        var engine = Self.engine(at: Self.saturday)
        #expect(Self.open(&engine, Self.order(.buy, 1), at: Self.saturday).reason == "MARKET_CLOSED")
        let bitcoin = Self.open(&engine, Self.order(.buy, 0.1, epic: "CS.D.BITCOIN.TODAY.IP"), at: Self.saturday)
        #expect(bitcoin.isAccepted)
    }

    @Test(arguments: [
        ("size below minimum", "MINIMUM_ORDER_SIZE_ERROR"),
        ("size increment", "SIZE_INCREMENT"),
        ("stop too close", "ATTACHED_ORDER_LEVEL_ERROR"),
        ("limit on the wrong side", "ATTACHED_ORDER_LEVEL_ERROR"),
        ("cfd expiry on spread bet", "REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT"),
        ("spread bet expiry on cfd", "REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT"),
        ("unknown epic", "INSTRUMENT_NOT_FOUND"),
        ("currency", "INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY"),
        ("funds", "INSUFFICIENT_FUNDS"),
        ("limit order level", "LEVEL_TOLERANCE_ERROR"),
    ])
    func rejections(_ scenario: String, _ reason: String) {
        var engine = Self.engine()
        var account = Self.spreadBet
        var order = Self.order(.buy, 1)
        switch scenario {
        case "size below minimum": order.size = 0.1
        case "size increment": order.size = 1.001
        case "stop too close": order.stopDistance = 1
        case "limit on the wrong side": order.limitLevel = 0.5
        case "cfd expiry on spread bet": order.expiry = "-"
        case "spread bet expiry on cfd":
            account = Self.cfd
            order.epic = "CS.D.EURUSD.MINI.IP"
        case "unknown epic": order.epic = "CS.D.NOTHING.TODAY.IP"
        case "currency": order.currencyCode = "USD"
        case "funds": order.size = 100_000
        case "limit order level":
            order.orderType = "LIMIT"
            order.level = 0.5
        default: Issue.record("unknown scenario")
        }
        let confirm = Self.open(&engine, order, account: account)
        #expect(confirm.dealStatus == "REJECTED")
        #expect(confirm.reason == reason, "\(scenario)")
        #expect(!confirm.dealId.isEmpty)
        #expect(engine.ledger.activities.last?.status == "REJECTED")
    }

    @Test func positionNotFoundAndNotAvailableToClose() {
        var engine = Self.engine()
        let missing = engine.closePosition(
            ClosePositionRequest(dealId: "DIAAAANOTHERE01", direction: .sell, size: 1), accountId: Self.spreadBet,
            now: Self.wednesday
        ).confirm!
        #expect(missing.reason == "POSITION_NOT_FOUND")
        let buy = Self.open(&engine, Self.order(.buy, 1))
        let tooBig = engine.closePosition(
            ClosePositionRequest(dealId: buy.dealId, direction: .sell, size: 2), accountId: Self.spreadBet,
            now: Self.wednesday
        ).confirm!
        #expect(tooBig.reason == "POSITION_NOT_AVAILABLE_TO_CLOSE")
        let amend = engine.amendPosition(
            AmendPositionRequest(dealId: "DIAAAANOTHERE01"), accountId: Self.spreadBet, now: Self.wednesday,
            trailingStopsEnabled: nil
        ).confirm!
        #expect(amend.reason == "POSITION_NOT_FOUND")
        let byEpic = engine.closePosition(
            ClosePositionRequest(epic: "IX.D.FTSE.DAILY.IP", expiry: "DFB", direction: .sell, size: 1),
            accountId: Self.spreadBet, now: Self.wednesday
        ).confirm!
        #expect(byEpic.reason == "POSITION_NOT_FOUND")
    }

    @Test func workingOrderRejections() {
        var engine = Self.engine()
        let quote = engine.market.quote(engine.market.instrument(Self.eurusd)!, at: Self.wednesday)
        func place(_ kind: SimWorkingOrder.Kind, _ level: Decimal, goodTill: Date? = nil) -> String {
            engine.createOrder(
                WorkingOrderRequest(
                    epic: Self.eurusd, expiry: "DFB", direction: .buy, size: 1, level: level, kind: kind,
                    goodTill: goodTill, currencyCode: "GBP"),
                accountId: Self.spreadBet, now: Self.wednesday
            ).confirm!.reason
        }
        #expect(place(.limit, quote.offer + 10) == "LIMIT_ORDER_WRONG_SIDE_OF_MARKET")
        #expect(place(.stop, quote.offer - 10) == "WRONG_SIDE_OF_MARKET")
        #expect(
            place(.limit, quote.offer - 10, goodTill: Self.wednesday.addingTimeInterval(-60))
                == "GOOD_TILL_DATE_IN_THE_PAST")
        let missing = engine.deleteOrder(dealId: "DIAAAANOTHERE01", accountId: Self.spreadBet, now: Self.wednesday)
        #expect(missing.confirm?.reason == "ORDER_NOT_FOUND")
    }

    @Test func duplicateOrdersWithinOneSecondAreRejected() {
        var engine = Self.engine()
        #expect(Self.open(&engine, Self.order(.buy, 1)).isAccepted)
        let again = Self.open(&engine, Self.order(.buy, 1), at: Self.wednesday.addingTimeInterval(0.5))
        #expect(again.reason == "DUPLICATE_ORDER_ERROR")
        let later = Self.open(&engine, Self.order(.buy, 1), at: Self.wednesday.addingTimeInterval(2))
        #expect(later.isAccepted)
    }

    @Test func aReusedReferenceIsNeverExecutedTwice() {
        var engine = Self.engine()
        let first = Self.open(&engine, Self.order(.buy, 1, reference: "CLIENT-REF-1"))
        let second = engine.openPosition(
            Self.order(.buy, 2, reference: "CLIENT-REF-1"), accountId: Self.spreadBet,
            now: Self.wednesday.addingTimeInterval(5), trailingStopsEnabled: nil)
        #expect(engine.positions.count == 1)
        #expect(second.confirm == first)
        #expect(engine.referenceUses["CLIENT-REF-1"] == 2)
    }

    @Test func confirmsHonourTheNotFoundWindowAndLifetime() {
        var engine = Self.engine(settings: DealingConfiguration(confirmNotFoundWindow: .seconds(2)))
        let confirm = Self.open(&engine, Self.order(.buy, 1))
        #expect(engine.confirm(reference: confirm.dealReference, accountId: Self.spreadBet, now: Self.wednesday) == nil)
        let later = Self.wednesday.addingTimeInterval(3)
        #expect(engine.confirm(reference: confirm.dealReference, accountId: Self.spreadBet, now: later) == confirm)
        #expect(engine.confirm(reference: confirm.dealReference, accountId: Self.cfd, now: later) == nil)
        let expired = Self.wednesday.addingTimeInterval(120)
        #expect(engine.confirm(reference: confirm.dealReference, accountId: Self.spreadBet, now: expired) == nil)
    }

    @Test func amendmentsKeepTheDealId() {
        var engine = Self.engine()
        let buy = Self.open(&engine, Self.order(.buy, 1))
        let stop = buy.level! - 50
        let amended = engine.amendPosition(
            AmendPositionRequest(dealId: buy.dealId, stopLevel: stop, limitLevel: buy.level! + 50),
            accountId: Self.spreadBet, now: Self.wednesday, trailingStopsEnabled: nil
        ).confirm!
        #expect(amended.isAccepted && amended.status == "AMENDED")
        #expect(amended.affectedDeals == [.init(dealId: buy.dealId, status: "AMENDED")])
        #expect(engine.positions[0].stopLevel == stop)
    }

    @Test func faultInjectorIsDeterministic() {
        var first = DealingFaultInjector(plan: DealingFaultPlan(probability: 0.3), seed: 7)
        var second = DealingFaultInjector(plan: DealingFaultPlan(probability: 0.3), seed: 7)
        let a = (0..<200).map { _ in first.next() }
        let b = (0..<200).map { _ in second.next() }
        #expect(a == b)
        let injected = a.compactMap { $0 }.count
        #expect(injected > 30 && injected < 90)
        var counted = DealingFaultInjector(plan: DealingFaultPlan(kinds: [.serverError], nextCount: 2), seed: 1)
        #expect(counted.next() == .serverError && counted.next() == .serverError && counted.next() == nil)
    }
}
