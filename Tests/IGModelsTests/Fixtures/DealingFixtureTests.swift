import Foundation
import IGModels
import Testing

/// Dealing bodies in IG's documented shapes (ig-rest-api.md §3.4, §6): confirms (accepted, rejected, close),
/// positions v2 and working orders v2, with nulls, empty lists and values the models do not know.
@Suite("Fixtures: confirms, positions v2, working orders v2")
struct DealingFixtureTests {
    @Test("GET /confirms: accepted open, close with profit, rejection without status")
    func confirms() throws {
        let open = try fixture(
            DealConfirmation.self,
            #"""
            {"date":"2026-11-30T10:04:49.123","status":"OPEN","reason":"SUCCESS","dealStatus":"ACCEPTED",
             "epic":"CS.D.EURUSD.TODAY.IP","expiry":"DFB","dealReference":"SWIG-ABC","dealId":"DIAAAAR9B5SK7AF",
             "affectedDeals":[{"dealId":"DIAAAAR9B5SK7AF","status":"OPENED"}],"level":1.08123,"size":1,
             "direction":"BUY","stopLevel":null,"limitLevel":null,"stopDistance":null,"limitDistance":null,
             "guaranteedStop":false,"trailingStop":false,"profit":null,"profitCurrency":null}
            """#)
        #expect(open.isAccepted && open.status == .open && open.affectedDeals?.first?.status == .opened)
        #expect(open.level == Decimal(string: "1.08123"))
        #expect(open.dateUTC == Date(timeIntervalSince1970: 1_796_033_089.123))
        let close = try fixture(
            DealConfirmation.self,
            #"""
            {"date":"2026-11-30T10:04:49","status":"PARTIALLY_CLOSED","reason":"SUCCESS","dealStatus":"ACCEPTED",
             "dealReference":"X1","dealId":"DIAAAAR9B5SK7AF",
             "affectedDeals":[{"dealId":"DIAAAAR9B5SK7AF","status":"PARTIALLY_CLOSED"}],
             "profit":-12.5,"profitCurrency":"GBP","channel":"PublicRestOTC","accountId":"ABC12"}
            """#)
        #expect(close.status == .partiallyClosed && close.profit == Decimal(string: "-12.5"))
        let rejected = try fixture(
            DealConfirmation.self,
            #"""
            {"date":"2026-11-30T10:04:49.000","status":null,"reason":"SOME_NEW_REASON","dealStatus":"REJECTED",
             "dealReference":"X2","dealId":"DIAAAAR9B5SK7AG","affectedDeals":[]}
            """#)
        #expect(!rejected.isAccepted && rejected.status == nil && rejected.reason?.rawValue == "SOME_NEW_REASON")
        #expect(rejected.affectedDeals?.isEmpty == true)
    }

    @Test("GET /positions v2: every documented key, guaranteed-stop premium, null prices")
    func positionsV2() throws {
        let body = try fixture(
            PositionsResponse.self,
            #"""
            {"positions":[{"position":{"contractSize":1.0,"createdDate":"2026/11/30 10:04:49:000",
              "createdDateUTC":"2026-11-30T10:04:49","dealId":"DIAAAAR9B5SK7AF","dealReference":"SWIG-ABC","size":0.5,
              "direction":"SELL","limitLevel":null,"level":8012.4,"currency":"GBP","controlledRisk":true,
              "stopLevel":8100,"trailingStep":null,"trailingStopDistance":null,
              "limitedRiskPremium":{"value":2.4,"unit":"POINTS"}},
              "market":{"instrumentName":"FTSE 100","expiry":"DFB","epic":"IX.D.FTSE.DAILY.IP","instrumentType":"INDICES",
              "lotSize":1.0,"high":null,"low":null,"percentageChange":null,"netChange":null,"bid":null,"offer":null,
              "updateTime":"10:04:49","updateTimeUTC":"10:04:49","delayTime":0,"streamingPricesAvailable":true,
              "marketStatus":"EDITS_ONLY","scalingFactor":1}}]}
            """#)
        let entry = try #require(body.positions.first)
        #expect(
            entry.position.controlledRisk == true && entry.position.limitedRiskPremium?.value == Decimal(string: "2.4"))
        #expect(entry.position.createdAt == Date(timeIntervalSince1970: 1_796_033_089))
        #expect(entry.market.bid == nil && entry.market.marketStatus == .editsOnly)
        #expect(try fixture(PositionsResponse.self, #"{"positions":[]}"#).positions.isEmpty)
    }

    @Test("GET /workingorders v2: GTD dates, distances, unknown order type kept")
    func workingOrdersV2() throws {
        let body = try fixture(
            WorkingOrdersResponse.self,
            #"""
            {"workingOrders":[{"workingOrderData":{"dealId":"DIAAAAR9B5SK7AH","direction":"BUY",
              "epic":"CS.D.EURUSD.TODAY.IP","orderSize":2,"orderLevel":1.05,"timeInForce":"GOOD_TILL_DATE",
              "goodTillDate":"2026/12/01 12:00","goodTillDateISO":"2026-12-01T12:00",
              "createdDate":"2026/11/30 10:04:49:000","createdDateUTC":"2026-11-30T10:04:49","guaranteedStop":false,
              "orderType":"TRIGGER","stopDistance":20,"limitDistance":null,"currencyCode":"GBP","dma":false,
              "limitedRiskPremium":null},
              "marketData":{"instrumentName":"EUR/USD","exchangeId":"IG","expiry":"DFB","marketStatus":"TRADEABLE",
              "epic":"CS.D.EURUSD.TODAY.IP","instrumentType":"CURRENCIES","lotSize":1,"high":1.09,"low":1.07,
              "percentageChange":0.1,"netChange":0.001,"bid":1.08,"offer":1.0801,"updateTime":"10:04:49",
              "updateTimeUTC":"10:04:49","delayTime":0,"streamingPricesAvailable":true,"scalingFactor":1}}]}
            """#)
        let order = try #require(body.workingOrders.first?.workingOrderData)
        #expect(order.timeInForce == .goodTillDate && order.goodTillDateISO == "2026-12-01T12:00")
        #expect(order.orderType.rawValue == "TRIGGER" && order.stopDistance == 20 && order.limitDistance == nil)
        #expect(order.limitedRiskPremium == nil)
    }
}
