import Foundation
import IGModels
import Testing

@Suite("Fixtures: navigation, sentiment, watchlists, costs, repeat dealing")
struct NavigationWatchlistCostsFixtureTests {
    @Test("GET /marketnavigation: root with null markets, leaf with null nodes")
    func navigation() throws {
        let root = try fixture(
            MarketNavigation.self,
            #"{"nodes":[{"id":"97601","name":"Indices"},{"id":"195235","name":"Forex"}],"markets":null}"#)
        #expect(root.nodes.count == 2 && root.markets.isEmpty)
        let leaf = try fixture(
            MarketNavigation.self,
            #"""
            {"nodes":null,"markets":[{"delayTime":0,"epic":"CS.D.EURUSD.TODAY.IP","netChange":0.0012,"lotSize":0,"expiry":"DFB",
              "instrumentType":"CURRENCIES","instrumentName":"EUR/USD","high":1.1,"low":1.0,"percentageChange":0.1,
              "updateTime":"10:00:00","updateTimeUTC":"09:00:00","bid":1.05,"offer":1.0501,"otcTradeable":true,
              "streamingPricesAvailable":true,"marketStatus":"EDITS_ONLY","scalingFactor":10000}]}
            """#)
        #expect(leaf.nodes.isEmpty && leaf.markets.count == 1)
        #expect(leaf.markets[0].otcTradeable == true && leaf.markets[0].market.marketStatus == .editsOnly)
        let missing = try fixture(MarketNavigation.self, "{}")
        #expect(missing.nodes.isEmpty && missing.markets.isEmpty)
    }

    @Test("GET /categories and /categories/{id}/instruments")
    func categories() throws {
        let categories = try fixture(
            InstrumentCategories.self, #"{"categories":[{"code":"FX","nonTradeable":false},{"code":"OPTIONS"}]}"#)
        #expect(categories.categories[1].nonTradeable == nil)
        let page = try fixture(
            CategoryInstrumentsPage.self,
            #"""
            {"instruments":[{"epic":"CS.D.EURUSD.TODAY.IP","instrumentName":"EUR/USD","expiry":"DFB","instrumentType":"CURRENCIES",
              "lotSize":1,"otcTradeable":true,"marketStatus":"TRADEABLE","delayTime":0,"bid":1.1,"offer":1.2,"high":null,"low":null,
              "netChange":null,"percentageChange":null,"updateTime":null,"scalingFactor":10000}],"metadata":{"pageNumber":0,"pageSize":150}}
            """#)
        #expect(page.instruments[0].high == nil && page.metadata?.pageSize == 150)
    }

    @Test("client sentiment: one, several, related; floats summing to 100")
    func sentiment() throws {
        let one = try fixture(
            ClientSentiment.self, #"{"marketId":"FT100","longPositionPercentage":72.0,"shortPositionPercentage":28.0}"#)
        #expect(one.longPositionPercentage + one.shortPositionPercentage == 100)
        let many = try fixture(
            ClientSentimentList.self,
            #"{"clientSentiments":[{"marketId":"GC","longPositionPercentage":55.0,"shortPositionPercentage":45.0},{"marketId":"GC","longPositionPercentage":55.0,"shortPositionPercentage":45.0}]}"#
        )
        #expect(many.clientSentiments.count == 2)
        #expect(try fixture(ClientSentimentList.self, #"{"clientSentiments":[]}"#).clientSentiments.isEmpty)
        #expect(try fixture(ClientSentimentList.self, #"{"clientSentiments":null}"#).clientSentiments.isEmpty)
    }

    @Test("watchlists: list, create, markets, status")
    func watchlists() throws {
        let lists = try fixture(
            WatchlistsResponse.self,
            #"""
            {"watchlists":[{"id":"Popular Markets","name":"Popular Markets","editable":false,"deleteable":false,"defaultSystemWatchlist":true},
             {"id":"12345","name":"test_1","editable":true,"deleteable":true,"defaultSystemWatchlist":false}]}
            """#)
        #expect(lists.watchlists[0].id == "Popular Markets" && lists.watchlists[0].defaultSystemWatchlist == true)
        let created = try fixture(
            CreatedWatchlist.self, #"{"watchlistId":"12346","status":"SUCCESS_NOT_ALL_INSTRUMENTS_ADDED"}"#)
        #expect(created.status == .successNotAllInstrumentsAdded)
        let markets = try fixture(WatchlistMarkets.self, #"{"markets":[]}"#)
        #expect(markets.markets.isEmpty)
        #expect(
            try fixture(WatchlistStatusResponse.self, #"{"status":"SOMETHING_ELSE"}"#).status.rawValue
                == "SOMETHING_ELSE")
    }

    @Test("indicative costs: open, close, edit, history")
    func costs() throws {
        let open = try fixture(
            IndicativeOpeningCosts.self,
            #"""
            {"borrowingCharge":0,"closingCommission":0,"closingFxFee":null,"closingIFTT":0,"closingSpread":0.3,"currencyCodeISO":"GBP",
             "dailyRunningFxFee":0,"etpEntryCost":0,"etpExitCost":0,"etpOngoingCost":0,"guaranteedStopDeposit":0,"guaranteedStopReturn":0,
             "indicativeQuoteReference":"ICQ1","inducements":0,"knockoutPremiumDeposit":0,"knockoutPremiumReturn":0,
             "notionalValue":7651.3,"notionalValueInUserCurrency":7651.3,"openingCommission":0,"openingFxFee":0,"openingIFTT":0,
             "openingSpread":0.3,"overnightFundingFee":0.52}
            """#)
        #expect(open.notionalValue == Decimal(string: "7651.3") && open.closingFxFee == nil)
        let close = try fixture(
            IndicativeCloseCosts.self,
            #"{"close":{"closingSpread":0.3,"indicativeQuoteReference":"ICQ2","notionalValue":100},"currencyCodeISO":"GBP"}"#
        )
        #expect(close.close?.indicativeQuoteReference == "ICQ2")
        let edit = try fixture(
            IndicativeEditCosts.self, #"{"currencyCodeISO":"GBP","limit":{"closingSpread":0.3},"stop":null}"#)
        #expect(edit.stop == nil && edit.limit?.closingSpread == Decimal(string: "0.3"))
        let history = try fixture(
            CostsHistoryPage.self,
            #"""
            {"costsAndChargesHistory":[{"createdTimestamp":"2024-05-01T10:00:00.000+01:00","direction":"BUY",
              "indicativeQuoteReference":"ICQ1","instrumentName":"FTSE 100","type":"OPEN"}],
             "pagination":{"pageNumber":1,"pageSize":50,"totalElements":1,"totalPages":1}}
            """#)
        #expect(history.costsAndChargesHistory[0].created == Date(timeIntervalSince1970: 1_714_554_000))
        #expect(
            try fixture(CostsHistoryPage.self, #"{"costsAndChargesHistory":[],"pagination":null}"#).pagination == nil)
    }

    @Test("GET /repeat-dealing-window")
    func repeatDealing() throws {
        let window = try fixture(
            RepeatDealingWindow.self,
            #"""
            {"accountId":"ZSB01","requestStartTime":1714554000000,"repeatDealingEntryList":[{"instrumentSource":"E",
              "instrumentValue":"IX.D.FTSE.DAILY.IP","currencyList":[{"currency":"GBP","buy":[{"size":1.5,"expiry":1714554030000}],"sell":[]}]}]}
            """#)
        #expect(window.requestStart == Date(timeIntervalSince1970: 1_714_554_000))
        let size = try #require(window.repeatDealingEntryList.first?.currencyList.first?.buy.first)
        #expect(size.size == Decimal(string: "1.5") && size.expiryDate == Date(timeIntervalSince1970: 1_714_554_030))
        #expect(
            try fixture(RepeatDealingWindow.self, #"{"accountId":"ZSB01","repeatDealingEntryList":null}"#)
                .repeatDealingEntryList.isEmpty)
    }
}
