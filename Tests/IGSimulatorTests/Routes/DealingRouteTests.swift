import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// The dealing routes over HTTP: IG's 400 validation codes, the confirm 404 window, every documented key,
/// `_method: DELETE`, balances and the fault admin routes.
@Suite("Dealing routes over HTTP")
struct DealingRouteTests {
    static let open = """
        {"currencyCode":"GBP","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","forceOpen":"true",
        "guaranteedStop":"false","orderType":"MARKET","size":0.1,"level":null,"quoteId":null,"stopDistance":null,
        "stopLevel":null,"limitDistance":null,"limitLevel":null,"trailingStop":false,"trailingStopIncrement":null,
        "dealReference":"ROUTE-TEST-1"}
        """

    @Test func validationCodes() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let cases: [(String, String)] = [
                (
                    #"{"currencyCode":"GBP","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","guaranteedStop":false,"orderType":"MARKET","size":1}"#,
                    "validation.null-not-allowed.request.forceOpen"
                ),
                (
                    #"{"currencyCode":"gbp","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","forceOpen":true,"guaranteedStop":false,"orderType":"MARKET","size":1}"#,
                    "validation.pattern.invalid.request.currencyCode"
                ),
                (
                    #"{"currencyCode":"GBP","direction":"UP","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","forceOpen":true,"guaranteedStop":false,"orderType":"MARKET","size":1}"#,
                    "invalid.request.direction"
                ),
                (
                    #"{"currencyCode":"GBP","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","forceOpen":true,"guaranteedStop":false,"orderType":"MARKET","size":1,"stopLevel":1,"stopDistance":2}"#,
                    "validation.mutual-exclusive-value.request"
                ),
                (
                    #"{"currencyCode":"GBP","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB","forceOpen":true,"guaranteedStop":true,"orderType":"MARKET","size":1}"#,
                    "validation.not-null-conditional.request"
                ),
            ]
            for (body, code) in cases {
                let result = try await harness.send(.POST, "/positions/otc", tokens: tokens, version: 2, body: body)
                #expect(result.status == 400)
                #expect(result.errorCode == code)
            }
        }
    }

    @Test func confirmWindowKeysAndClose() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        // Long enough that the first read falls inside it even on a loaded machine.
        configuration.dealing.confirmNotFoundWindow = .seconds(3)
        try await SimulatorHarness.with(configuration) { harness in
            let tokens = try await harness.login()
            let opened = try await harness.send(.POST, "/positions/otc", tokens: tokens, version: 2, body: Self.open)
            #expect(opened.status == 200)
            #expect(opened.json["dealReference"]?.stringValue == "ROUTE-TEST-1")
            let early = try await harness.send(.GET, "/confirms/ROUTE-TEST-1", tokens: tokens)
            #expect(early.status == 404 && early.errorCode == "error.confirms.deal-not-found")
            try await Task.sleep(for: .milliseconds(3100))
            let confirm = try await harness.send(.GET, "/confirms/ROUTE-TEST-1", tokens: tokens)
            #expect(confirm.status == 200)
            #expect(confirm.json["dealStatus"]?.stringValue == "ACCEPTED")
            let dealId = try #require(confirm.json["dealId"]?.stringValue)
            let positions = try await harness.send(.GET, "/positions", tokens: tokens, version: 2)
            let entry = try #require(positions.json["positions"]?.arrayValue?.first)
            #expect(
                entry["position"]?.keys.sorted() == [
                    "contractSize", "controlledRisk", "createdDate", "createdDateUTC", "currency", "dealId",
                    "dealReference", "direction", "level", "limitLevel", "limitedRiskPremium", "size", "stopLevel",
                    "trailingStep", "trailingStopDistance",
                ])
            #expect(entry["market"]?.keys.count == 17)
            let v1 = try await harness.send(.GET, "/positions", tokens: tokens, version: 1)
            #expect(v1.json["positions"]?.arrayValue?.first?["position"]?["dealSize"] != nil)
            let accounts = try await harness.send(.GET, "/accounts", tokens: tokens)
            let balance = accounts.json["accounts"]?.arrayValue?.first?["balance"]
            #expect((balance?["deposit"]?.doubleValue ?? 0) > 0)
            let close = try await harness.send(
                .POST, "/positions/otc", tokens: tokens, version: 1, headers: [("_method", "DELETE")],
                body:
                    #"{"dealId":"\#(dealId)","epic":null,"expiry":"DFB","direction":"SELL","size":0.1,"orderType":"MARKET","level":null,"quoteId":null}"#
            )
            #expect(close.status == 200)
            try await Task.sleep(for: .milliseconds(3100))
            let reference = try #require(close.json["dealReference"]?.stringValue)
            let closed = try await harness.send(.GET, "/confirms/\(reference)", tokens: tokens)
            #expect(closed.json["status"]?.stringValue == "CLOSED")
            #expect(closed.json["dealId"]?.stringValue == dealId)
            let activity = try await harness.send(.GET, "/history/activity?detailed=true", tokens: tokens, version: 3)
            #expect((activity.json["activities"]?.arrayValue?.count ?? 0) >= 2)
            let transactions = try await harness.send(
                .GET, "/history/transactions?pageSize=0", tokens: tokens, version: 2)
            #expect(transactions.json["transactions"]?.arrayValue?.count == 1)
        }
    }

    @Test func faultAdminRoutes() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let set = try await harness.send(
                .PUT, "/simulator/faults/dealing", body: #"{"kinds":["500"],"count":1}"#)
            #expect(set.status == 200)
            let faulted = try await harness.send(.POST, "/positions/otc", tokens: tokens, version: 2, body: Self.open)
            #expect(faulted.status == 500)
            // The deal was executed although the answer was a 500.
            let confirm = try await harness.send(.GET, "/confirms/ROUTE-TEST-1", tokens: tokens)
            #expect(confirm.json["dealStatus"]?.stringValue == "ACCEPTED")
            let plan = try await harness.send(.GET, "/simulator/faults/dealing")
            #expect(plan.json["injected"]?["500"]?.intValue == 1)
            let stats = try await harness.send(.GET, "/simulator/dealing/stats")
            #expect(stats.json["positions"]?.intValue == 1)
            let cleared = try await harness.send(.DELETE, "/simulator/faults/dealing")
            #expect(cleared.status == 200)
        }
    }
}

extension SimulatorJSON {
    /// The elements of an array.
    var arrayValue: [SimulatorJSON]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }
}
