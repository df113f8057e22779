import Foundation
import IGModels
import Testing

/// Bodies in IG's documented shapes (ig-rest-api.md §3, §7), with nulls, missing optional keys, empty lists and
/// enum values the models do not know.
@Suite("Fixtures: sessions, accounts, markets, prices")
struct SessionAccountMarketFixtureTests {
    @Test("POST /session v1 and v2")
    func sessionV1V2() throws {
        let body = try fixture(
            AuthenticationResponse.self,
            #"""
            {"accountType":"SPREADBET","accountInfo":{"balance":10000.5,"deposit":0,"profitLoss":-1.25,"available":9999},
             "currencyIsoCode":"GBP","currencySymbol":"£","currentAccountId":"ZSB01","lightstreamerEndpoint":"https://demo-apd.marketdatasystems.com",
             "accounts":[{"accountId":"ZSB01","accountName":"Spread bet","preferred":true,"accountType":"SPREADBET"},
                         {"accountId":"ZCF02","accountName":null,"preferred":false,"accountType":"NEW_KIND"}],
             "clientId":"100112345","timezoneOffset":1,"hasActiveDemoAccounts":true,"hasActiveLiveAccounts":false,
             "trailingStopsEnabled":false,"reroutingEnvironment":null,"dealingEnabled":true}
            """#)
        #expect(body.currentAccountId == "ZSB01")
        #expect(body.accounts?[1].accountType == AccountType(rawValue: "NEW_KIND"))
        #expect(body.accountInfo?.profitLoss == Decimal(string: "-1.25"))
        #expect(body.reroutingEnvironment == nil)
    }

    @Test("POST /session v3")
    func sessionV3() throws {
        let body = try fixture(
            OAuthAuthenticationResponse.self,
            #"""
            {"clientId":"100112345","accountId":"ZSB01","timezoneOffset":0,"lightstreamerEndpoint":"https://demo-apd.marketdatasystems.com",
             "oauthToken":{"access_token":"a","refresh_token":"r","scope":"profile","token_type":"Bearer","expires_in":"60"}}
            """#)
        #expect(body.oauthToken.lifetimeSeconds == 60)
        #expect(body.accountId == "ZSB01")
    }

    @Test("GET /session and PUT /session")
    func sessionDetails() throws {
        let details = try fixture(
            SessionDetails.self,
            #"{"clientId":"1","accountId":"ZSB01","timezoneOffset":1,"locale":"en_GB","currency":"GBP","lightstreamerEndpoint":null}"#
        )
        #expect(details.lightstreamerEndpoint == nil && details.locale == "en_GB")
        let switched = try fixture(
            SwitchAccountResponse.self, #"{"trailingStopsEnabled":false,"dealingEnabled":true}"#)
        #expect(switched.hasActiveDemoAccounts == nil)
    }

    @Test("GET /accounts and /accounts/preferences")
    func accounts() throws {
        let body = try fixture(
            AccountsResponse.self,
            #"""
            {"accounts":[{"accountId":"ZSB01","accountName":"Demo-SB","accountAlias":null,"status":"ENABLED","accountType":"SPREADBET",
              "preferred":true,"balance":{"balance":1.23456,"deposit":0.0,"profitLoss":0.0,"available":1.23456},"currency":"GBP",
              "canTransferFrom":true,"canTransferTo":true},
             {"accountId":"ZPH03","accountName":"ISA","status":"SOMETHING_NEW","accountType":"PHYSICAL","preferred":false,"balance":null}]}
            """#)
        #expect(body.accounts.count == 2)
        #expect(body.accounts[0].balance?.balance == Decimal(string: "1.23456"))
        #expect(body.accounts[1].status == AccountStatus(rawValue: "SOMETHING_NEW") && body.accounts[1].balance == nil)
        let preferences = try fixture(AccountPreferences.self, #"{"trailingStopsEnabled":true}"#)
        #expect(preferences.trailingStopsEnabled == true)
    }

    static let instrumentV3 = #"""
        {"epic":"IX.D.FTSE.DAILY.IP","expiry":"DFB","name":"FTSE 100","forceOpenAllowed":true,"stopsLimitsAllowed":true,
         "lotSize":1.0,"unit":"AMOUNT","type":"INDICES","controlledRiskAllowed":true,"streamingPricesAvailable":true,
         "marketId":"FT100","currencies":[{"code":"GBP","symbol":"£","baseExchangeRate":1.0,"exchangeRate":1.0,"isDefault":true}],
         "sprintMarketsMinimumExpiryTime":null,"sprintMarketsMaximumExpiryTime":null,
         "marginDepositBands":[{"min":0,"max":100,"margin":5,"currency":"GBP"},{"min":100,"max":null,"margin":7.5,"currency":"GBP"}],
         "marginFactor":5,"marginFactorUnit":"PERCENTAGE","slippageFactor":{"unit":"pct","value":50.0},
         "limitedRiskPremium":{"value":1,"unit":"POINTS"},"openingHours":{"marketTimes":[{"openTime":"00:00","closeTime":"21:00"}]},
         "expiryDetails":null,"rolloverDetails":null,"newsCode":".FTSE","chartCode":"FTSE","country":"GB",
         "valueOfOnePip":null,"onePipMeans":null,"contractSize":null,"specialInfo":[]}
        """#
    static let dealingRules = #"""
        {"minStepDistance":{"unit":"POINTS","value":1.0},"minDealSize":{"unit":"POINTS","value":0.5},
         "minControlledRiskStopDistance":{"unit":"PERCENTAGE","value":0.5},"minNormalStopOrLimitDistance":{"unit":"POINTS","value":4},
         "maxStopOrLimitDistance":{"unit":"PERCENTAGE","value":75.0},"controlledRiskSpacing":{"unit":"POINTS","value":0},
         "marketOrderPreference":"AVAILABLE_DEFAULT_OFF","trailingStopsPreference":"AVAILABLE"}
        """#
    static let snapshot = #"""
        {"marketStatus":"DEAL_NO_EDIT","netChange":-12.5,"percentageChange":-0.16,"updateTime":"16:29:59","delayTime":0,
         "bid":7650.3,"offer":7651.3,"high":7680.1,"low":7601.2,"binaryOdds":null,"decimalPlacesFactor":1,"scalingFactor":1,
         "controlledRiskExtraSpread":1}
        """#

    @Test("GET /markets/{epic} v3, v2 and v1")
    func marketByEpic() throws {
        let v3 = try fixture(
            MarketDetails.self,
            #"{"instrument":\#(Self.instrumentV3),"dealingRules":\#(Self.dealingRules),"snapshot":\#(Self.snapshot)}"#)
        #expect(v3.instrument.marketId == "FT100")
        #expect(v3.snapshot.marketStatus == MarketStatus(rawValue: "DEAL_NO_EDIT"))
        #expect(v3.snapshot.spread == 1)
        #expect(v3.instrument.specialInfo == [])
        let v1 = try fixture(
            MarketDetails.self,
            #"""
            {"instrument":{"epic":"IX.D.FTSE.DAILY.IP","expiry":"DFB","name":"FTSE 100","lotSize":1.0,"unit":"AMOUNT","type":"INDICES",
              "marketId":"FT100","currencies":[{"code":"GBP","name":"Pounds Sterling","symbol":"£","baseExchangeRate":1,"exchangeRate":1,"isDefault":true}],
              "marginDepositBands":[{"min":0,"max":null,"margin":5}],"margin":5,"openingHours":null,"expiryDetails":null},
             "dealingRules":{"minDealSize":{"unit":"POINTS","value":0.5},"marketOrderPreference":"NOT_AVAILABLE"},
             "snapshot":{"marketStatus":"CLOSED","bid":null,"offer":null,"high":null,"low":null,"updateTime":"21:00:00"}}
            """#)
        #expect(v1.instrument.marginFactor == nil && v1.instrument.openingHours == nil)
        #expect(v1.dealingRules?.trailingStopsPreference == nil)
        #expect(v1.snapshot.bid == nil && v1.snapshot.spread == nil)
    }

    @Test("GET /markets?epics= v2 with ALL and SNAPSHOT_ONLY, and v1")
    func marketsByEpics() throws {
        let all = try fixture(
            MarketDetailsList.self,
            #"{"marketDetails":[{"instrument":\#(Self.instrumentV3),"dealingRules":\#(Self.dealingRules),"snapshot":\#(Self.snapshot)}]}"#
        )
        #expect(all.marketDetails.count == 1)
        let snapshotOnly = try fixture(
            MarketDetailsList.self,
            #"""
            {"marketDetails":[{"instrument":{"epic":"IX.D.FTSE.DAILY.IP","expiry":null,"name":null,"lotSize":null,"type":"INDICES",
              "currencies":null,"marginDepositBands":null,"openingHours":null,"specialInfo":null},"dealingRules":null,"snapshot":\#(Self.snapshot)}]}
            """#)
        #expect(snapshotOnly.marketDetails[0].dealingRules == nil)
        #expect(snapshotOnly.marketDetails[0].instrument.name == nil)
        let empty = try fixture(MarketDetailsList.self, #"{"marketDetails":[]}"#)
        #expect(empty.marketDetails.isEmpty)
    }

    @Test("GET /markets?searchTerm= v1")
    func search() throws {
        let body = try fixture(
            MarketSearchResponse.self,
            #"""
            {"markets":[{"epic":"CS.D.EURUSD.TODAY.IP","instrumentName":"EUR/USD","instrumentType":"KNOCKOUTS_CURRENCIES","expiry":"DFB",
              "high":1.0912,"low":1.0850,"percentageChange":0.12,"netChange":0.0013,"updateTime":"10:15:01","updateTimeUTC":"09:15:01",
              "bid":1.09,"offer":1.0901,"delayTime":0,"streamingPricesAvailable":true,"marketStatus":"TRADEABLE","scalingFactor":10000},
             {"epic":"CS.D.EURUSD.MINI.IP","instrumentName":"EUR/USD Mini","instrumentType":"CURRENCIES","expiry":"-","bid":null,"offer":null}]}
            """#)
        #expect(body.markets[0].instrumentType == InstrumentType(rawValue: "KNOCKOUTS_CURRENCIES"))
        #expect(body.markets[1].lotSize == nil && body.markets[1].bid == nil)
        #expect(try fixture(MarketSearchResponse.self, #"{"markets":[]}"#).markets.isEmpty)
    }

    @Test("GET /prices/{epic} v3")
    func pricesV3() throws {
        let body = try fixture(
            PricesV3Response.self,
            #"""
            {"prices":[{"snapshotTime":"2020/09/01 01:00:00","snapshotTimeUTC":"2020-09-01T00:00:00",
              "openPrice":{"bid":1.19347,"ask":1.19353,"lastTraded":null},"closePrice":{"bid":1.1935,"ask":1.19356,"lastTraded":null},
              "highPrice":{"bid":1.19366,"ask":1.19372,"lastTraded":null},"lowPrice":{"bid":1.19341,"ask":1.19347,"lastTraded":null},
              "lastTradedVolume":139},
             {"snapshotTime":"2020/09/01 01:01:00","snapshotTimeUTC":"2020-09-01T00:01:00",
              "openPrice":{"bid":1.1935,"ask":1.19356,"lastTraded":null},"closePrice":{"bid":1.1935,"ask":1.19356,"lastTraded":null},
              "highPrice":{"bid":1.1935,"ask":1.19356,"lastTraded":null},"lowPrice":{"bid":1.1935,"ask":1.19356,"lastTraded":null},
              "lastTradedVolume":null}],
             "instrumentType":"CURRENCIES",
             "metadata":{"allowance":{"remainingAllowance":9998,"totalAllowance":10000,"allowanceExpiry":604790},"size":2,
              "pageData":{"pageSize":20,"pageNumber":1,"totalPages":1}}}
            """#)
        #expect(body.metadata?.allowance?.remainingAllowance == 9998)
        let bars = body.prices.compactMap { PriceBar(payload: $0) }
        #expect(bars.count == 2)
        #expect(bars[0].time == Date(timeIntervalSince1970: 1_598_918_400))
        #expect(bars[0].open.bid == Decimal(string: "1.19347"))
        #expect(bars[0].volume == 139 && bars[1].volume == nil)
        let empty = try fixture(
            PricesV3Response.self,
            #"{"prices":[],"instrumentType":"SHARES","metadata":{"allowance":null,"size":0,"pageData":null}}"#)
        #expect(empty.prices.isEmpty && empty.metadata?.pageData == nil)
    }

    @Test("GET /prices v1 (colon dates) and v2 (slashed dates): no snapshotTimeUTC, allowance at the top")
    func pricesV1V2() throws {
        let v1 = try fixture(
            PricesLegacyResponse.self,
            #"""
            {"prices":[{"snapshotTime":"2020:09:01-01:00:00","openPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},
              "closePrice":{"bid":1.1,"ask":1.2,"lastTraded":null},"highPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},
              "lowPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},"lastTradedVolume":0}],
             "instrumentType":"CURRENCIES","allowance":{"remainingAllowance":5,"totalAllowance":10000,"allowanceExpiry":100}}
            """#)
        let bar = try #require(PriceBar(payload: v1.prices[0], localOffset: 3600))
        #expect(bar.time == Date(timeIntervalSince1970: 1_598_918_400))
        #expect(bar.localTime == "2020:09:01-01:00:00")
        #expect(v1.allowance?.remainingAllowance == 5)
        let v2 = try fixture(
            PricesLegacyResponse.self,
            #"""
            {"prices":[{"snapshotTime":"2020/09/01 00:00:00","openPrice":{"bid":7650.5,"ask":7651.5,"lastTraded":7651},
              "closePrice":{"bid":7650.5,"ask":7651.5},"highPrice":{"bid":7650.5,"ask":7651.5},"lowPrice":{"bid":7650.5,"ask":7651.5},
              "lastTradedVolume":null}],"instrumentType":"NEW_TYPE","allowance":null}
            """#)
        #expect(PriceBar(payload: v2.prices[0])?.open.lastTraded == 7651)
        #expect(v2.instrumentType == InstrumentType(rawValue: "NEW_TYPE") && v2.allowance == nil)
    }

    @Test("GET /operations/application: createdDate as a date string or epoch milliseconds")
    func applications() throws {
        let apps = try fixture(
            [ClientApplication].self,
            #"""
            [{"name":"app","apiKey":"k1","status":"ENABLED","allowanceApplicationOverall":60,"allowanceAccountTrading":100,
              "allowanceAccountOverall":30,"allowanceAccountHistoricalData":10000,"concurrentSubscriptionsLimit":40,
              "allowEquities":false,"allowQuoteOrders":false,"createdDate":"2021-03-04"},
             {"apiKey":"k2","status":"REVOKED","createdDate":1614816000000,"tier":"B2C","restrictedToSelf":true}]
            """#)
        #expect(apps[0].createdDate == "2021-03-04" && apps[1].createdDate == "2021-03-04")
        #expect(apps[1].allowanceAccountOverall == nil)
        let updated = try fixture(ClientApplication.self, #"{"apiKey":"k1","status":"DISABLED"}"#)
        #expect(updated.status == "DISABLED")
    }
}
