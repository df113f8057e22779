import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Account and market routes over HTTP")
struct MarketRouteTests {
    @Test func accountsListBothAccountsWithEveryKey() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let result = try await sim.send(.GET, "/accounts", tokens: tokens)
            let accounts = result.json["accounts"]?.elements ?? []
            #expect(accounts.count == 2)
            for account in accounts {
                #expect(
                    account.keySet == [
                        "accountId", "accountName", "accountAlias", "status", "accountType", "preferred", "balance",
                        "currency", "canTransferFrom", "canTransferTo",
                    ])
                #expect(account["accountAlias"] == .null)
                #expect(account["currency"] == "GBP")
                #expect((account["balance"]?["balance"]?.doubleValue ?? 0) > 0)
            }
            #expect(accounts[0]["accountType"] == "SPREADBET" && accounts[0]["preferred"] == true)
            #expect(accounts[1]["accountType"] == "CFD" && accounts[1]["preferred"] == false)
        }
    }

    @Test func preferencesRoundTripAsRealBooleans() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            #expect(
                try await sim.send(.GET, "/accounts/preferences", tokens: tokens).json["trailingStopsEnabled"] == false)
            for (sent, expected) in [(#""true""#, true), ("false", false), ("true", true), (#""false""#, false)] {
                let update = try await sim.send(
                    .PUT, "/accounts/preferences", tokens: tokens, body: #"{"trailingStopsEnabled":\#(sent)}"#)
                #expect(update.json == ["status": "SUCCESS"])
                let read = try await sim.send(.GET, "/accounts/preferences", tokens: tokens)
                #expect(read.json["trailingStopsEnabled"] == .bool(expected))
                #expect(read.json["trailingStopsEnabled"]?.isBool == true)
            }
            let missing = try await sim.send(.PUT, "/accounts/preferences", tokens: tokens, body: "{}")
            #expect(missing.status == 400)
        }
    }

    @Test(arguments: [1, 2, 3])
    func marketDetailsHaveEveryDocumentedKey(version: Int) async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let result = try await sim.send(.GET, "/markets/CS.D.EURUSD.MINI.IP", tokens: tokens, version: version)
            #expect(result.status == 200)
            let body = result.json
            #expect(body.keySet == ["instrument", "dealingRules", "snapshot"])
            let instrument = try #require(body["instrument"])
            var expected = [
                "epic", "expiry", "name", "forceOpenAllowed", "stopsLimitsAllowed", "lotSize", "unit", "type",
                "controlledRiskAllowed", "streamingPricesAvailable", "marketId", "currencies",
                "sprintMarketsMinimumExpiryTime", "sprintMarketsMaximumExpiryTime", "marginDepositBands",
            ]
            expected += version == 1 ? ["margin"] : ["marginFactor", "marginFactorUnit"]
            expected += ["slippageFactor"]
            if version == 3 { expected += ["limitedRiskPremium"] }
            expected += [
                "openingHours", "expiryDetails", "rolloverDetails", "newsCode", "chartCode", "country",
                "valueOfOnePip", "onePipMeans", "contractSize", "specialInfo",
            ]
            #expect(instrument.keySet == Set(expected))
            #expect(instrument["expiry"] == "-")
            #expect(instrument["type"] == "CURRENCIES")
            #expect(instrument["marketId"] == "EURUSD")
            #expect(instrument["expiryDetails"] == .null)
            let currency = try #require(instrument["currencies"]?.elements.first)
            #expect(currency.keys.contains("name") == (version == 1))

            let rules = try #require(body["dealingRules"])
            #expect(rules.keys.contains("trailingStopsPreference") == (version >= 2))
            #expect(rules["minDealSize"]?.keySet == ["unit", "value"])

            let snapshot = try #require(body["snapshot"])
            #expect(
                snapshot.keySet == [
                    "marketStatus", "netChange", "percentageChange", "updateTime", "delayTime", "bid", "offer",
                    "high", "low", "binaryOdds", "decimalPlacesFactor", "scalingFactor", "controlledRiskExtraSpread",
                ])
            let bid = try #require(snapshot["bid"]?.doubleValue)
            let offer = try #require(snapshot["offer"]?.doubleValue)
            #expect(bid < offer)
            #expect((0.5...2.5).contains(bid))
            #expect(["TRADEABLE", "CLOSED"].contains(snapshot["marketStatus"]?.stringValue ?? ""))
            #expect(snapshot["binaryOdds"] == .null)
        }
    }

    @Test func snapshotMatchesThePriceEngine() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let before = Date()
            let result = try await sim.send(.GET, "/markets/IX.D.FTSE.DAILY.IP", tokens: tokens, version: 3)
            let after = Date()
            let bid = try #require(result.json["snapshot"]?["bid"]?.doubleValue)
            let profile = try #require(sim.simulator.catalog.instrument(epic: "IX.D.FTSE.DAILY.IP")).priceProfile
            // The quote belongs to a second between the two instants.
            var candidates = Set<Double>()
            var instant = before.addingTimeInterval(-1)
            while instant <= after.addingTimeInterval(1) {
                candidates.insert(sim.simulator.priceEngine.quote(for: profile, at: instant).bid)
                instant = instant.addingTimeInterval(1)
            }
            #expect(candidates.contains(bid))
        }
    }

    @Test func unknownEpicIsNotFound() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let result = try await sim.send(.GET, "/markets/CS.D.NOPE.TODAY.IP", tokens: tokens, version: 3)
            #expect(result.status == 404)
            #expect(result.errorCode == "error.service.marketdata.instrument.epic.unavailable")
        }
    }

    @Test func marketsByEpicsAreSortedAndFilterable() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let path = "/markets?epics=IX.D.SPTRD.MONTH1.IP,IX.D.FTSE.DAILY.IP,CS.D.EURUSD.TODAY.IP"
            let all = try await sim.send(.GET, path + "&filter=ALL", tokens: tokens, version: 2)
            let epics = all.json["marketDetails"]?.elements.map { $0["instrument"]?["epic"]?.stringValue ?? "" }
            #expect(epics == ["CS.D.EURUSD.TODAY.IP", "IX.D.FTSE.DAILY.IP", "IX.D.SPTRD.MONTH1.IP"])

            let snapshotOnly = try await sim.send(.GET, path + "&filter=SNAPSHOT_ONLY", tokens: tokens, version: 2)
            for market in snapshotOnly.json["marketDetails"]?.elements ?? [] {
                #expect(market.keySet == ["instrument", "dealingRules", "snapshot"])
                #expect(market["dealingRules"] == .null)
                #expect(market["instrument"]?["name"] == .null)
                #expect(market["instrument"]?["epic"] != .null)
                #expect(market["snapshot"]?["bid"]?.doubleValue != nil)
            }

            let tooMany = (0..<51).map { _ in "CS.D.EURUSD.TODAY.IP" }.joined(separator: ",")
            let rejected = try await sim.send(.GET, "/markets?epics=\(tooMany)", tokens: tokens, version: 2)
            #expect(rejected.status == 400 && rejected.errorCode == "error.public-api.too-many-epics")
        }
    }

    @Test func searchFindsMarketsByNameOrEpic() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let result = try await sim.send(.GET, "/markets?searchTerm=EUR%2FUSD", tokens: tokens)
            let markets = result.json["markets"]?.elements ?? []
            let epics = Set(markets.compactMap { $0["epic"]?.stringValue })
            #expect(epics.isSuperset(of: ["CS.D.EURUSD.TODAY.IP", "CS.D.EURUSD.MINI.IP"]))
            let first = try #require(markets.first)
            #expect(
                first.keySet == [
                    "epic", "instrumentName", "instrumentType", "expiry", "lotSize", "high", "low", "percentageChange",
                    "netChange", "updateTime", "updateTimeUTC", "bid", "offer", "delayTime", "streamingPricesAvailable",
                    "marketStatus", "scalingFactor",
                ])
            let lower = try await sim.send(.GET, "/markets?searchTerm=gold", tokens: tokens)
            #expect((lower.json["markets"]?.elements.count ?? 0) >= 2)
        }
    }

    @Test func navigationWalksDownToMarkets() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let root = try await sim.send(.GET, "/marketnavigation", tokens: tokens)
            let nodes = root.json["nodes"]?.elements ?? []
            #expect(nodes.contains { $0["id"] == "195235" && $0["name"] == "Forex" })
            let forex = try await sim.send(.GET, "/marketnavigation/195235", tokens: tokens)
            #expect(forex.json["markets"] == .null)
            let majors = try await sim.send(.GET, "/marketnavigation/195236", tokens: tokens)
            let markets = majors.json["markets"]?.elements ?? []
            #expect(markets.contains { $0["epic"] == "CS.D.EURUSD.TODAY.IP" && $0["otcTradeable"] == true })
        }
    }
}
