import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("The cost model and the run report")
struct CostModelTests {
    static let epic = "IX.D.FTSE.DAILY.IP"

    static func at(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static func stepped(_ start: String) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.clock = .stepped(start: Self.at(start))
        // The run's own deals only: no generated past in the ledgers and the report.
        configuration.freshAccounts = true
        return configuration
    }

    static func open(_ harness: SimulatorHarness, _ tokens: SessionTokens, extra: String = "") async throws {
        let result = try await harness.send(
            .POST, "/positions/otc", tokens: tokens, version: 2,
            body:
                #"{"epic":"\#(Self.epic)","expiry":"DFB","direction":"BUY","size":2,"orderType":"MARKET","currencyCode":"GBP","forceOpen":true,"guaranteedStop":\#(extra.isEmpty ? "false" : "true")\#(extra)}"#
        )
        try #require(result.status == 200)
    }

    /// One day's funding of 2 £/point long at the mid of `time`: 2 × mid × 3 % ÷ 365, in pennies.
    static func dailyFunding(_ harness: SimulatorHarness, at time: Date) throws -> Decimal {
        let profile = try #require(harness.simulator.catalog.instrument(epic: Self.epic)).priceProfile
        let quote = harness.simulator.priceEngine.quote(for: profile, at: time)
        let mid = (Decimal(string: String(quote.bid))! + Decimal(string: String(quote.offer))!) / 2
        return DealingMoney.money(mid * 2 * Decimal(string: "0.03")! / 365)
    }

    @Test func theCutOffIsTenPmUKTimeInWinterAndSummer() {
        let winter = CivilTime.days(year: 2025, month: 3, day: 3)
        #expect(FundingCutOff.second(day: winter) == winter * 86_400 + 22 * 3600)
        let summer = CivilTime.days(year: 2025, month: 7, day: 1)
        #expect(FundingCutOff.second(day: summer) == summer * 86_400 + 21 * 3600)
        let monday = winter * 86_400
        #expect(FundingCutOff.between(after: monday, through: monday + 7 * 86_400).count == 7)
        #expect(FundingCutOff.days(at: FundingCutOff.second(day: winter + 4), tradesAtWeekends: false) == 3)
        #expect(FundingCutOff.days(at: FundingCutOff.second(day: winter + 5), tradesAtWeekends: false) == 0)
        #expect(FundingCutOff.days(at: FundingCutOff.second(day: winter + 5), tradesAtWeekends: true) == 1)
    }

    @Test func fundingIsChargedAtEachCutOffAndThreeDaysOnFriday() async throws {
        try await SimulatorHarness.with(Self.stepped("2025-03-03T21:00:00Z")) { harness in
            let tokens = try await harness.login()
            try await Self.open(harness, tokens)
            try await harness.simulator.advanceClock(to: Self.at("2025-03-03T21:59:59Z"))
            #expect(await harness.simulator.report()?.fundingFees == 0)
            try await harness.simulator.advanceClock(to: Self.at("2025-03-03T22:00:00Z"))
            let monday = try Self.dailyFunding(harness, at: Self.at("2025-03-03T22:00:00Z"))
            let first = try #require(await harness.simulator.report())
            #expect(monday > 0)
            #expect(first.fundingFees == monday)
            #expect(first.balance == first.startingBalance - monday)
            // Tuesday to Friday: one day each, Friday three; Saturday and Sunday nothing.
            try await harness.simulator.advanceClock(to: Self.at("2025-03-09T23:00:00Z"))
            var expected = monday
            for (day, days) in [(4, 1), (5, 1), (6, 1), (7, 3)] {
                let time = Self.at(String(format: "2025-03-%02dT22:00:00Z", day))
                expected += try Self.dailyFunding(harness, at: time) * Decimal(days)
            }
            let week = try #require(await harness.simulator.report())
            #expect(week.fundingFees == expected)
            // Six days later the login has long expired (token lifetimes follow the clock): log in again. The
            // account's generated past ends before the run's start, so the run's charges are alone from then on.
            let fresh = try await harness.login()
            let history = try await harness.send(
                .GET, "/history/transactions?type=ALL&from=2025-03-03T21:00:00&to=2025-03-10T00:00:00",
                tokens: fresh, version: 2)
            let types = history.json["transactions"]?.elements.compactMap { $0["transactionType"]?.stringValue }
            #expect(types == Array(repeating: "WITH", count: 5))
        }
    }

    @Test func aTriggeredGuaranteedStopChargesItsPremiumAndFillsAtTheStop() async throws {
        try await SimulatorHarness.with(Self.stepped("2025-03-04T09:00:00Z")) { harness in
            let tokens = try await harness.login()
            let instrument = try #require(harness.simulator.catalog.instrument(epic: Self.epic))
            let details = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            let distance = try #require(
                details.json["dealingRules"]?["minControlledRiskStopDistance"]?["value"]?.doubleValue)
            try await Self.open(harness, tokens, extra: #","stopDistance":\#(distance)"#)
            var report = try #require(await harness.simulator.report())
            for _ in 0..<40 where report.trades.isEmpty {
                try await harness.simulator.advanceClock(by: .seconds(3600))
                report = try #require(await harness.simulator.report())
            }
            let trade = try #require(report.trades.first)
            let stop = try #require(trade.openLevel).advanced(by: -Decimal(distance))
            #expect(trade.closeLevel == stop)
            let premium = Decimal(string: String(instrument.limitedRiskPremium))! * 2
            #expect(report.guaranteedStopPremiums == premium)
            #expect(report.netProfitLoss == trade.profitAndLoss - premium - report.fundingFees)
            #expect(report.maximumDrawdown >= -report.netProfitLoss)
            let csv = try await harness.send(.GET, "/simulator/report?format=csv")
            let lines = String(decoding: csv.body, as: UTF8.self).split(separator: "\n")
            #expect(lines.first == "closed,opened,instrument,dealId,size,openLevel,closeLevel,profitAndLoss")
            #expect(lines.count == 2)
            let json = try await harness.send(.GET, "/simulator/report")
            #expect(try RunReport.decode(json.body) == report)
        }
    }

    @Test func cfdProfitIsConvertedToTheAccountCurrency() async throws {
        var configuration = Self.stepped("2025-03-04T09:00:00Z")
        configuration.accessTokenLifetime = .seconds(86_400)
        try await SimulatorHarness.with(configuration) { harness in
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            let epic = "CS.D.EURUSD.MINI.IP"
            let instrument = try #require(harness.simulator.catalog.instrument(epic: epic))
            let open = try await harness.send(
                .POST, "/positions/otc", tokens: tokens, version: 2,
                body:
                    #"{"epic":"\#(epic)","expiry":"-","direction":"BUY","size":1,"orderType":"MARKET","currencyCode":"USD","forceOpen":true,"guaranteedStop":false}"#
            )
            try #require(open.status == 200)
            try await harness.simulator.advanceClock(by: .seconds(1800))
            let positions = try await harness.send(.GET, "/positions", tokens: tokens, version: 2)
            let dealId = try #require(positions.json["positions"]?.elements.first?["position"]?["dealId"]?.stringValue)
            let close = try await harness.send(
                .POST, "/positions/otc", tokens: tokens, version: 1, headers: [("_method", "DELETE")],
                body: #"{"dealId":"\#(dealId)","direction":"SELL","size":1,"orderType":"MARKET"}"#)
            try #require(close.status == 200)
            let report = try #require(await harness.simulator.report(accountId: IGSimulator.cfdAccountId))
            let trade = try #require(report.trades.first)
            #expect(report.currency == "GBP")
            let move = try #require(trade.closeLevel) - #require(trade.openLevel)
            // 10,000 EUR a contract, USD profit converted at the instrument's rate (1.27 USD per GBP).
            let rate = Decimal(string: String(instrument.defaultCurrency.exchangeRate))!
            #expect(instrument.defaultCurrency.code == "USD")
            #expect(trade.profitAndLoss == DealingMoney.money(move * 10_000 / rate))
        }
    }
}
