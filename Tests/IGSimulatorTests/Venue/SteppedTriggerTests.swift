import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Working orders and sprint markets under the stepped clock")
struct SteppedTriggerTests {
    static let epic = StoreReplayTests.epic

    /// 08:00 + `seconds` on the recording's day.
    static func at(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(StoreReplayTests.start + seconds))
    }

    /// A JSON number, or a number written as a string (the transaction ledger's levels), as a decimal.
    static func decimal(_ value: SimulatorJSON?) -> Decimal? {
        if let text = value?.stringValue { return Decimal(string: text) }
        return value?.doubleValue.flatMap { Decimal(string: String($0)) }
    }

    @Test func limitAndStopOrdersFillWhenTheClockReachesTheBarThatCrossesTheirLevelAndNotBefore() async throws {
        try await StoreReplayTests.withReplay { harness, _ in
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            // 08:05: the last closed bar is 08:04 (bid 1.0812, offer 1.08126).
            try await harness.simulator.advanceClock(to: Self.at(300))
            // A BUY limit at 1.0806 fills once the offer comes down to it: bar 08:06 (low bid 1.0802) is the first.
            // A BUY stop at 1.0822 fills once the offer rises to it: no bar before the gap (08:10–08:14) reaches it
            // (highest offer 1.08216); bar 08:15 (high bid 1.0822) is the first.
            for (reference, type, level) in [("WO-LIMIT", "LIMIT", "1.0806"), ("WO-STOP", "STOP", "1.0822")] {
                let placed = try await harness.send(
                    .POST, "/workingorders/otc", tokens: tokens, version: 2,
                    body:
                        #"{"epic":"\#(Self.epic)","expiry":"-","direction":"BUY","size":1,"level":\#(level),"type":"\#(type)","currencyCode":"USD","timeInForce":"GOOD_TILL_CANCELLED","guaranteedStop":false,"forceOpen":true,"dealReference":"\#(reference)"}"#
                )
                #expect(placed.status == 200)
                let confirm = try await harness.send(.GET, "/confirms/\(reference)", tokens: tokens)
                #expect(confirm.json["dealStatus"] == "ACCEPTED", "\(reference): \(confirm.json["reason"] ?? nil)")
            }
            func state() async throws -> (orders: [String], positions: [SimulatorJSON]) {
                let orders = try await harness.send(.GET, "/workingorders", tokens: tokens, version: 2)
                let positions = try await harness.send(.GET, "/positions", tokens: tokens, version: 2)
                return (
                    orders.json["workingOrders"]?.elements.compactMap {
                        $0["workingOrderData"]?["orderType"]?.stringValue
                    } ?? [],
                    positions.json["positions"]?.elements ?? []
                )
            }
            // 08:06:58: bar 08:06 has not closed, so it is not visible yet: both orders still work.
            try await harness.simulator.advanceClock(to: Self.at(418))
            var now = try await state()
            #expect(now.orders.sorted() == ["LIMIT", "STOP"] && now.positions.isEmpty)
            // 08:06:59: the bar closes and crosses the limit: filled at the limit (the bar opened above it).
            try await harness.simulator.advanceClock(to: Self.at(419))
            now = try await state()
            #expect(now.orders == ["STOP"])
            #expect(now.positions.count == 1)
            #expect(Self.decimal(now.positions.first?["position"]?["level"]) == Decimal(string: "1.0806"))
            #expect(now.positions.first?["position"]?["createdDateUTC"]?.stringValue == "2025-03-03T08:06:59")
            // 08:15:58, past the recording's gap: the stop still works.
            try await harness.simulator.advanceClock(to: Self.at(958))
            now = try await state()
            #expect(now.orders == ["STOP"] && now.positions.count == 1)
            // 08:15:59: bar 08:15 closes and reaches the stop: filled at the stop level.
            try await harness.simulator.advanceClock(to: Self.at(959))
            now = try await state()
            #expect(now.orders.isEmpty)
            #expect(now.positions.count == 2)
            let stopFill = now.positions.first { $0["position"]?["createdDateUTC"] == "2025-03-03T08:15:59" }
            #expect(Self.decimal(stopFill?["position"]?["level"]) == Decimal(string: "1.0822"))
        }
    }

    @Test func aSprintPositionSettlesWhenTheSteppedClockPassesItsExpiry() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.clock = .stepped(start: Self.at(0))
        configuration.freshAccounts = true
        try await SimulatorHarness.with(configuration) { harness in
            let tokens = try await harness.login()
            func balance() async throws -> Decimal? {
                let accounts = try await harness.send(.GET, "/accounts", tokens: tokens)
                let account = accounts.json["accounts"]?.elements.first {
                    $0["accountId"]?.stringValue == IGSimulator.spreadBetAccountId
                }
                return Self.decimal(account?["balance"]?["balance"])
            }
            func sprints() async throws -> [SimulatorJSON] {
                try await harness.send(.GET, "/positions/sprintmarkets", tokens: tokens, version: 2)
                    .json["sprintMarketPositions"]?.elements ?? []
            }
            let before = try #require(try await balance())
            let opened = try await harness.send(
                .POST, "/positions/sprintmarkets", tokens: tokens,
                body:
                    #"{"epic":"\#(SprintEngineTests.ftseSprint)","direction":"BUY","size":10,"expiryPeriod":"FIVE_MINUTES","dealReference":"SPRINT-STEP"}"#
            )
            #expect(opened.status == 200)
            let confirm = try await harness.send(.GET, "/confirms/SPRINT-STEP", tokens: tokens)
            #expect(confirm.json["dealStatus"] == "ACCEPTED")
            let strike = try #require(Self.decimal(confirm.json["level"]))
            #expect(try await balance() == before - 10)
            #expect(try await sprints().first?["expiryTime"] == "2025-03-03T08:05:00")

            // 08:04:59: one second before expiry, the position still runs.
            try await harness.simulator.advanceClock(to: Self.at(299))
            #expect(try await sprints().count == 1)
            #expect(try await balance() == before - 10)

            // 08:05:00: the clock reaches the expiry: settled at the mid of that second, without any request.
            try await harness.simulator.advanceClock(to: Self.at(300))
            #expect(try await sprints().isEmpty)
            let history = try await harness.send(
                .GET, "/history/transactions?type=ALL&from=2025-03-03T00:00:00&to=2025-03-04T00:00:00",
                tokens: tokens, version: 2)
            let settled = try #require(
                history.json["transactions"]?.elements.first { $0["transactionType"] == "DEAL" })
            #expect(settled["dateUtc"] == "2025-03-03T08:05:00")
            #expect(Self.decimal(settled["openLevel"]) == strike)
            // The settlement level is the path's mid at the expiry second (within rounding to the market's ticks).
            let close = try #require(Self.decimal(settled["closeLevel"]))
            let profile = try #require(harness.simulator.catalog.instrument(epic: SprintEngineTests.ftseSprint))
                .priceProfile
            let quote = harness.simulator.priceEngine.quote(for: profile, at: Self.at(300))
            let mid = (Decimal(string: String(quote.bid))! + Decimal(string: String(quote.offer))!) / 2
            #expect(abs(close - mid) <= Decimal(string: "0.5")!)
            let won = close > strike
            // Payout minus stake, or the stake lost, after the account's currency symbol ("£8.5", "£-10").
            let result = settled["profitAndLoss"]?.stringValue.map { String($0.drop { !$0.isNumber && $0 != "-" }) }
            #expect(result.flatMap { Decimal(string: $0) } == (won ? Decimal(string: "8.5")! : -10))
            #expect(try await balance() == before - 10 + (won ? Decimal(string: "18.5")! : 0))
        }
    }
}
