import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// Dated contracts follow the simulator's clock over HTTP: a stepped clock crosses the last dealing time of the
/// front US crude contract; the epic that held it rolls, the open position is closed at the settlement price with
/// its activity and DEAL transaction, the contract's working order is deleted, and a deal naming the expired
/// contract is refused with IG's `MARKET_ROLLED`.
@Suite("Dated contracts roll with the clock")
struct ContractExpiryTests {
    /// Monday 2027-01-11 10:00 UTC: JAN-27 is the front contract, its last dealing time is Friday 15th 19:00 UTC.
    static let start = Date(
        timeIntervalSince1970: TimeInterval(CivilTime(year: 2027, month: 1, day: 11, hour: 10).utcSeconds))
    static let expiry = Date(
        timeIntervalSince1970: TimeInterval(CivilTime(year: 2027, month: 1, day: 15, hour: 19).utcSeconds))
    static let slots = (1...6).map { "EN.D.CL.Month\($0).IP" }

    static func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.clock = .stepped(start: Self.start)
        configuration.freshAccounts = true
        return configuration
    }

    /// `epic → (expiry, lastDealingDate)` of the six US crude slots, from `GET /markets?epics=`.
    static func slotExpiries(
        _ harness: SimulatorHarness, _ tokens: SessionTokens
    ) async throws -> [String: (expiry: String, lastDealing: String)] {
        let answer = try await harness.send(
            .GET, "/markets?epics=\(Self.slots.joined(separator: ","))", tokens: tokens, version: 2)
        try #require(answer.status == 200)
        var table = [String: (expiry: String, lastDealing: String)]()
        for market in answer.json["marketDetails"]?.elements ?? [] {
            let instrument = market["instrument"]
            guard let epic = instrument?["epic"]?.stringValue, let expiry = instrument?["expiry"]?.stringValue,
                let lastDealing = instrument?["expiryDetails"]?["lastDealingDate"]?.stringValue
            else { continue }
            table[epic] = (expiry, lastDealing)
        }
        return table
    }

    @Test func anExpiringContractIsSettledAndItsEpicRolls() async throws {
        try await SimulatorHarness.with(Self.configuration()) { harness in
            let tokens = try await harness.login()
            let before = try await Self.slotExpiries(harness, tokens)
            #expect(before.count == 6)
            // The six slots hold the six nearest monthly contracts, JAN-27 to JUN-27.
            #expect(Set(before.values.map(\.expiry)) == ["JAN-27", "FEB-27", "MAR-27", "APR-27", "MAY-27", "JUN-27"])
            let front = try #require(before.first { $0.value.expiry == "JAN-27" })
            #expect(front.value.lastDealing == "2027-01-15T19:00")
            let epic = front.key

            let opened = try await harness.marketOrder(
                epic: epic, expiry: "JAN-27", direction: "BUY", size: 2, currency: "GBP", reference: "EXPIRY-OPEN",
                tokens: tokens)
            #expect(opened.json["dealStatus"]?.stringValue == "ACCEPTED")
            let dealId = try #require(opened.json["dealId"]?.stringValue)
            let openLevel = try #require(opened.json["level"]?.doubleValue)
            let shorted = try await harness.marketOrder(
                epic: epic, expiry: "JAN-27", direction: "SELL", size: 1, currency: "GBP",
                reference: "EXPIRY-SHORT", tokens: tokens)
            let shortId = try #require(shorted.json["dealId"]?.stringValue)
            let order = try await harness.send(
                .POST, "/workingorders/otc", tokens: tokens, version: 2,
                body:
                    #"{"dealReference":"EXPIRY-ORDER","epic":"\#(epic)","expiry":"JAN-27","direction":"BUY","size":1,"level":\#((openLevel * 0.5).rounded()),"type":"LIMIT","currencyCode":"GBP","timeInForce":"GOOD_TILL_CANCELLED","guaranteedStop":false,"forceOpen":true}"#
            )
            try #require(order.status == 200)
            let placed = try await harness.send(.GET, "/confirms/EXPIRY-ORDER", tokens: tokens)
            #expect(placed.json["dealStatus"]?.stringValue == "ACCEPTED")
            let orderId = try #require(placed.json["dealId"]?.stringValue)

            // One second before the last dealing time nothing has happened yet.
            try await harness.simulator.advanceClock(to: Self.expiry.addingTimeInterval(-1))
            let still = try await harness.login()
            let held = try await harness.send(.GET, "/positions", tokens: still, version: 2)
            #expect(held.json["positions"]?.elements.count == 2)

            // Monday after: the contract expired on Friday at 19:00.
            try await harness.simulator.advanceClock(to: Self.start.addingTimeInterval(7 * 86_400))
            let after = try await harness.login()
            let positions = try await harness.send(.GET, "/positions", tokens: after, version: 2)
            #expect(positions.json["positions"]?.elements.isEmpty == true)
            let orders = try await harness.send(.GET, "/workingorders", tokens: after, version: 2)
            #expect(orders.json["workingOrders"]?.elements.isEmpty == true)

            // The slot that held JAN-27 now holds the contract after the furthest listed (six slots: JUL-27);
            // the other five keep theirs.
            let rolled = try await Self.slotExpiries(harness, after)
            #expect(rolled[epic]?.expiry == "JUL-27")
            #expect(rolled[epic]?.lastDealing == "2027-07-15T19:00")
            for slot in Self.slots where slot != epic { #expect(rolled[slot]?.expiry == before[slot]?.expiry) }
            let details = try await harness.send(.GET, "/markets/\(epic)", tokens: after, version: 3)
            #expect(details.json["instrument"]?["expiry"]?.stringValue == "JUL-27")
            let node = try await harness.send(.GET, "/marketnavigation/101521", tokens: after)
            let listed = node.json["markets"]?.elements.first { $0["epic"]?.stringValue == epic }
            #expect(listed?["expiry"]?.stringValue == "JUL-27")

            // Settled at the contract's closing quote at 19:00 on its last dealing day: a long at the bid.
            let instrument = try #require(harness.simulator.catalog.instrument(epic: epic))
            let quote = DealingMarket(catalog: harness.simulator.catalog, prices: harness.simulator.priceEngine)
                .quote(instrument, at: Self.expiry)
            let settlement = quote.bid
            let report = try #require(await harness.simulator.report())
            let trade = try #require(report.trades.first { $0.dealId == dealId })
            let tradeOpen = try #require(trade.openLevel)
            #expect(abs(NSDecimalNumber(decimal: tradeOpen).doubleValue - openLevel) < 0.001)
            #expect(trade.closeLevel == settlement)
            #expect(trade.closed == Self.expiry)
            #expect(trade.profitAndLoss == (settlement - tradeOpen) * 2)
            // The short closes at the offer.
            let shortTrade = try #require(report.trades.first { $0.dealId == shortId })
            #expect(shortTrade.closeLevel == quote.offer)
            #expect(shortTrade.profitAndLoss == (try #require(shortTrade.openLevel)) - quote.offer)
            #expect(report.balance == report.startingBalance + trade.profitAndLoss + shortTrade.profitAndLoss)

            let transactions = try await harness.send(
                .GET, "/history/transactions?type=ALL&from=2027-01-11T00:00:00&to=2027-01-19T00:00:00",
                tokens: after, version: 2)
            let deals = transactions.json["transactions"]?.elements ?? []
            #expect(deals.count == 2)
            let deal = try #require(deals.first { $0["reference"]?.stringValue == dealId })
            #expect(deal["transactionType"]?.stringValue == "DEAL")
            #expect(deal["reference"]?.stringValue == dealId)
            #expect(deal["period"]?.stringValue == "JAN-27")
            #expect(deal["closeLevel"]?.stringValue == DealingFormat.text(settlement))
            #expect(deal["dateUtc"]?.stringValue == "2027-01-15T19:00:00")

            let activity = try await harness.send(
                .GET, "/history/activity?from=2027-01-15T00:00:00&to=2027-01-16T00:00:00&detailed=true",
                tokens: after, version: 3)
            let system = activity.json["activities"]?.elements.filter { $0["channel"]?.stringValue == "SYSTEM" } ?? []
            let closed = try #require(system.first { $0["dealId"]?.stringValue == dealId })
            #expect(closed["details"]?["actions"]?.elements.first?["actionType"]?.stringValue == "POSITION_CLOSED")
            #expect(closed["description"]?.stringValue?.contains("JAN-27 expired") == true)
            #expect(closed["period"]?.stringValue == "JAN-27")
            let deleted = try #require(system.first { $0["dealId"]?.stringValue == orderId })
            #expect(
                deleted["details"]?["actions"]?.elements.first?["actionType"]?.stringValue == "WORKING_ORDER_DELETED")

            // A deal naming the expired contract is refused; the contract the epic holds now deals.
            let refused = try await harness.marketOrder(
                epic: epic, expiry: "JAN-27", direction: "BUY", size: 2, currency: "GBP", reference: "EXPIRY-LATE",
                tokens: after)
            #expect(refused.json["dealStatus"]?.stringValue == "REJECTED")
            #expect(refused.json["reason"]?.stringValue == "MARKET_ROLLED")
            let accepted = try await harness.marketOrder(
                epic: epic, expiry: "JUL-27", direction: "BUY", size: 2, currency: "GBP", reference: "EXPIRY-NEXT",
                tokens: after)
            #expect(accepted.json["dealStatus"]?.stringValue == "ACCEPTED")
        }
    }
}
