import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Costs and repeat-dealing routes over HTTP")
struct CostsRouteTests {
    @Test("open quote keys, validation, history paging and a PDF document")
    func costs() async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            let body =
                #"{"ask":1.1,"bid":1.0,"dealCurrencyCode":"GBP","dealReference":"r1","size":10,"direction":"BUY","epic":"CS.D.EURUSD.TODAY.IP"}"#
            let open = try await sim.send(.POST, "/indicativecostsandcharges/open", tokens: tokens, body: body)
            #expect(open.status == 200 && open.json.keySet.count == 23)
            #expect(open.json["indicativeQuoteReference"]?.stringValue?.hasPrefix("ICQ") == true)
            let invalid = try await sim.send(.POST, "/indicativecostsandcharges/open", tokens: tokens, body: "{}")
            #expect(invalid.status == 400 && invalid.errorCode == "public-api.costs-and-charges.client-error")
            let history = try await sim.send(
                .GET,
                "/indicativecostsandcharges/history/from/2000-01-01T00:00:00.000+01:00/to/2100-01-01T00:00:00.000Z",
                tokens: tokens)
            #expect(history.json["costsAndChargesHistory"]?.elements.count == 1)
            #expect(history.json["pagination"]?["totalElements"] == 1)
            let reference = try #require(open.json["indicativeQuoteReference"]?.stringValue)
            let pdf = try await sim.send(.GET, "/indicativecostsandcharges/durablemedium/\(reference)", tokens: tokens)
            #expect(pdf.status == 200 && pdf.header("Content-Type") == "application/pdf")
            #expect(pdf.body.starts(with: Data("%PDF-1.4".utf8)))
            #expect(String(decoding: pdf.body.suffix(6), as: UTF8.self) == "%%EOF\n")
        }
    }

    @Test(
        "amounts follow the market's quoting: points on a spread bet, raw FX × contract size on a CFD, in GBP",
        arguments: [
            // (epic, bid, ask, half spread, notional, guaranteed-stop premium of 0.6 points)
            ("CS.D.EURUSD.TODAY.IP", "11000.0", "11000.8", 0.8, 22001.6, 1.2),
            ("CS.D.EURUSD.MINI.IP", "1.1000", "1.1002", 1.57, 17325.98, 0.94),
        ])
    func amountsFollowQuoting(
        _ epic: String, _ bid: String, _ ask: String, _ halfSpread: Double, _ notional: Double, _ premium: Double
    ) async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            let body =
                #"{"ask":\#(ask),"bid":\#(bid),"dealCurrencyCode":"GBP","dealReference":"r1","size":2,"#
                + #""direction":"BUY","guaranteedStop":true,"epic":"\#(epic)"}"#
            let open = try await sim.send(.POST, "/indicativecostsandcharges/open", tokens: tokens, body: body)
            #expect(open.status == 200)
            for (key, expected) in [
                ("openingSpread", halfSpread), ("notionalValue", notional), ("guaranteedStopDeposit", premium),
            ] {
                let value = try #require(open.json[key]?.doubleValue, "\(key)")
                #expect(abs(value - expected) < 0.001, "\(key): \(value), expected \(expected)")
            }
        }
    }

    @Test("repeat-dealing window under both spellings")
    func repeatDealing() async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            for path in ["/repeat-dealing-window", "/repeat-deal-window?epic=IX.D.FTSE.DAILY.IP"] {
                let window = try await sim.send(.GET, path, tokens: tokens)
                #expect(window.json.keySet == ["accountId", "requestStartTime", "repeatDealingEntryList"])
                #expect(window.json["accountId"] == "ZSB01")
            }
        }
    }
}
