import Foundation
import IGModels
import Testing

/// Bodies in IG's documented shapes for history, v1 dealing reads, sprint markets and the v1/v4 market models:
/// nulls, missing keys, empty lists and unknown enum values.
@Suite("Fixtures: history, v1 dealing, sprint markets, market v1/v4")
struct HistoryFixtureTests {
    @Test("activity v1: display text, 17 keys, '-' for no stop")
    func activityV1() throws {
        let body = try fixture(
            ActivityResponseV1.self,
            #"""
            {"activities":[{"actionStatus":"ACCEPT","activity":"Order","activityHistoryId":"A1","channel":"Web",
              "currency":"£","date":"27/05/16","dealId":"DIAAAAA1","epic":"IX.D.FTSE.DAILY.IP","level":"6312.4",
              "limit":"-","marketName":"FTSE 100","period":"DFB","result":"Position opened: DIAAAAA1",
              "size":"+0.60","stop":"6200","stopType":"G","time":"09:04"},
              {"actionStatus":"SOMETHING_NEW","size":"-3","stop":"-","level":"1,234.5"}]}
            """#)
        let first = body.activities[0]
        #expect(first.sizeValue == Decimal(string: "0.60") && first.stopValue == 6200 && first.limitValue == nil)
        #expect(first.time == "09:04" && first.dateValue == nil && first.actionStatus == .accept)
        let second = body.activities[1]
        #expect(second.actionStatus?.rawValue == "SOMETHING_NEW" && second.epic == nil)
        #expect(second.sizeValue == -3 && second.stopValue == nil && second.levelValue == Decimal(string: "1234.5"))
        #expect(try fixture(ActivityResponseV1.self, #"{"activities":[]}"#).activities.isEmpty)
    }

    @Test("activity v2: numbered page metadata, full dates, no time")
    func activityV2() throws {
        let body = try fixture(
            NumberedHistoryBody<ActivityV1>.self,
            #"""
            {"activities":[{"date":"2016-05-27T09:04:49","epic":"CS.D.EURUSD.TODAY.IP","size":"+1","actionStatus":"REJECT"}],
             "metadata":{"size":41,"pageData":{"pageNumber":2,"pageSize":20,"totalPages":3}}}
            """#)
        #expect(body.items.count == 1 && body.metadata?.size == 41 && body.metadata?.pageData?.totalPages == 3)
        #expect(body.items[0].dateValue == Date(timeIntervalSince1970: 1_464_339_889))
        let empty = try fixture(NumberedHistoryBody<ActivityV1>.self, #"{"activities":null,"metadata":null}"#)
        #expect(empty.items.isEmpty && empty.metadata == nil)
    }

    @Test("activity v3: details null or full, next link or null, unknown enums kept")
    func activityV3() throws {
        let body = try fixture(
            ActivityResponseV3.self,
            #"""
            {"activities":[
              {"date":"2016-05-27T09:04:49","epic":"IX.D.FTSE.DAILY.IP","period":"DFB","dealId":"DIAAAAA1",
               "channel":"PUBLIC_WEB_API","type":"POSITION","status":"ACCEPTED","description":"Position opened",
               "details":{"dealReference":"REF1","actions":[{"actionType":"POSITION_OPENED","affectedDealId":"DIAAAAA1"}],
                 "marketName":"FTSE 100","goodTillDate":null,"currency":"GBP","size":0.6,"direction":"BUY","level":6312.4,
                 "stopLevel":null,"stopDistance":null,"guaranteedStop":false,"trailingStopDistance":null,"trailingStep":null,
                 "limitLevel":null,"limitDistance":null}},
              {"date":"2016-05-27T09:00:00","epic":"CS.D.EURUSD.TODAY.IP","period":"-","dealId":"DIAAAAA2",
               "channel":"QUANTUM","type":"NEW_TYPE","status":"UNKNOWN","description":"?","details":null}],
             "metadata":{"paging":{"size":2,"next":"/history/activity?version=3&from=2016-05-27T00:00:00&to=2016-05-27T08:59:59&detailed=true&pageSize=2"}}}
            """#)
        #expect(body.activities[0].details?.actions?.first?.actionType == .positionOpened)
        #expect(body.activities[0].details?.size == Decimal(string: "0.6"))
        #expect(body.activities[0].occurredAt == Date(timeIntervalSince1970: 1_464_339_889))
        #expect(body.activities[1].details == nil && body.activities[1].channel?.rawValue == "QUANTUM")
        #expect(body.metadata?.paging?.next?.hasPrefix("/history/activity?version=3") == true)
        let last = try fixture(
            ActivityResponseV3.self, #"{"activities":[],"metadata":{"paging":{"size":0,"next":null}}}"#)
        #expect(last.activities.isEmpty && last.metadata?.paging?.next == nil)
    }

    @Test("transactions v1 and v2: currency-prefixed P&L, '-' levels, UTC dates")
    func transactions() throws {
        let v1 = try fixture(
            TransactionsResponseV1.self,
            #"""
            {"transactions":[{"date":"27/05/16","instrumentName":"FTSE 100","period":"DFB","profitAndLoss":"£-1,001.50",
              "transactionType":"DEAL","reference":"DIAAAAA1","openLevel":"6312.4","closeLevel":"6310.7","size":"-1",
              "currency":"£","cashTransaction":false},
              {"date":"27/05/16","profitAndLoss":"E12.00","transactionType":"DEPO","openLevel":"-","closeLevel":"0",
              "size":"-","cashTransaction":true}]}
            """#)
        #expect(v1.transactions[0].profitAndLossAmount == Decimal(string: "-1001.50"))
        #expect(v1.transactions[0].sizeValue == -1 && v1.transactions[0].closeLevelValue == Decimal(string: "6310.7"))
        #expect(v1.transactions[1].transactionType == .deposit && v1.transactions[1].openLevelValue == nil)
        #expect(v1.transactions[1].profitAndLossAmount == 12 && v1.transactions[1].sizeValue == nil)
        let v2 = try fixture(
            NumberedHistoryBody<Transaction>.self,
            #"""
            {"transactions":[{"date":"2016-05-27T10:04:49","dateUtc":"2016-05-27T09:04:49","openDateUtc":null,
              "profitAndLoss":"GBP5.00","transactionType":"DIVIDEND"}],
             "metadata":{"size":1,"pageData":{"pageNumber":1,"pageSize":20,"totalPages":1}}}
            """#)
        #expect(v2.items[0].occurredAt == Date(timeIntervalSince1970: 1_464_339_889) && v2.items[0].openedAt == nil)
        #expect(v2.items[0].transactionType == .dividend && v2.items[0].profitAndLossAmount == 5)
    }

    @Test("positions and working orders v1")
    func dealingV1() throws {
        let positions = try fixture(
            PositionsResponseV1.self,
            #"""
            {"positions":[{"position":{"contractSize":1.0,"createdDate":"2016/05/27 10:04:49:000","dealId":"DIAAAAA1",
              "dealSize":2.5,"direction":"SELL","limitLevel":null,"openLevel":6312.4,"currency":"GBP","controlledRisk":false,
              "stopLevel":null,"trailingStep":null,"trailingStopDistance":null,"limitedRiskPremium":null},
              "market":{"instrumentName":"FTSE 100","expiry":"DFB","epic":"IX.D.FTSE.DAILY.IP","instrumentType":"INDICES",
              "lotSize":1.0,"high":6400,"low":6300,"percentageChange":0.1,"netChange":5,"bid":6311,"offer":6312,
              "updateTime":"10:04:49","delayTime":0,"streamingPricesAvailable":true,"marketStatus":"TRADEABLE","scalingFactor":1}}]}
            """#)
        let normalized = positions.positions[0].normalized
        #expect(normalized.position.size == 2.5 && normalized.position.level == Decimal(string: "6312.4"))
        #expect(normalized.position.createdDateUTC == nil && normalized.market.updateTimeUTC == nil)
        let orders = try fixture(
            WorkingOrdersResponseV1.self,
            #"""
            {"workingOrders":[{"workingOrderData":{"dealId":"DIAAAAA3","direction":"BUY","epic":"CS.D.EURUSD.TODAY.IP",
              "size":1,"level":1.05,"goodTill":"GTC","createdDate":"2016/05/27 10:04:49:000","controlledRisk":true,
              "trailingTriggerIncrement":null,"trailingTriggerDistance":null,"trailingStopDistance":null,
              "trailingStopIncrement":null,"requestType":"STOP_ORDER","contingentStop":1.04,"currencyCode":"GBP",
              "contingentLimit":null,"dma":false,"limitedRiskPremium":{"value":0.6,"unit":"POINTS"}},
              "marketData":{"epic":"CS.D.EURUSD.TODAY.IP","instrumentName":"EUR/USD","exchangeId":"IG","bid":null,"offer":null}}]}
            """#)
        let order = orders.workingOrders[0].workingOrderData
        #expect(order.orderType == .stop && order.contingentStop == Decimal(string: "1.04"))
        #expect(order.limitedRiskPremium?.unit == .points && orders.workingOrders[0].marketData.bid == nil)
    }

    @Test("sprint-market positions v1 and v2")
    func sprintPositions() throws {
        let body = try fixture(
            SprintMarketPositionsResponse.self,
            #"""
            {"sprintMarketPositions":[{"dealId":"DIAAAAS1","epic":"FM.D.FTSE.FTSE.IP","instrumentName":"FTSE 100 Sprint",
              "description":"FTSE 100 to finish above 6312.4","marketStatus":"TRADEABLE","createdDate":"2016-05-27T09:04:49",
              "expiryTime":"2016-05-27T09:09:49","direction":"BUY","strikeLevel":6312.4,"size":10,"payoutAmount":18.5,
              "currency":"GBP"}]}
            """#)
        let position = body.sprintMarketPositions[0]
        #expect(position.expiresAt?.timeIntervalSince(try #require(position.createdAt)) == 300)
        #expect(position.payoutAmount == Decimal(string: "18.5"))
        #expect(
            try fixture(SprintMarketPositionsResponse.self, #"{"sprintMarketPositions":[]}"#).sprintMarketPositions
                .isEmpty)
    }

    @Test("market v1 (margin, currency names, bands without currency) and v4 (limit/stop allowed, timestamp)")
    func marketVersions() throws {
        let v1 = try fixture(
            MarketDetails.self,
            #"""
            {"instrument":{"epic":"IX.D.FTSE.DAILY.IP","name":"FTSE 100","currencies":[{"code":"GBP","symbol":"£",
              "baseExchangeRate":1,"exchangeRate":1,"isDefault":true,"name":"Pounds Sterling"}],"margin":5,
              "marginDepositBands":[{"min":0,"max":100,"margin":5},{"min":100,"max":null,"margin":7.5}],
              "slippageFactor":{"unit":"pct","value":50},"expiryDetails":null,"rolloverDetails":null,
              "sprintMarketsMinimumExpiryTime":null,"sprintMarketsMaximumExpiryTime":null},
             "dealingRules":{"marketOrderPreference":"AVAILABLE_DEFAULT_OFF"},"snapshot":{"bid":6311,"offer":6312}}
            """#)
        #expect(v1.instrument.margin == 5 && v1.instrument.marginFactor == nil)
        #expect(v1.instrument.currencies?.first?.name == "Pounds Sterling")
        #expect(
            v1.instrument.marginDepositBands?.last?.max == nil && v1.instrument.marginDepositBands?[0].currency == nil)
        #expect(v1.dealingRules?.trailingStopsPreference == nil)
        let v4 = try fixture(
            MarketDetails.self,
            #"""
            {"instrument":{"epic":"IX.D.FTSE.DAILY.IP","limitAllowed":true,"stopAllowed":false,
              "expiryDetails":{"lastDealingDate":"2026-12-15T19:00","settlementInfo":"..."},
              "limitedRiskPremium":{"value":2.4,"unit":"POINTS"}},
             "dealingRules":{"trailingStopsPreference":"AVAILABLE"},
             "snapshot":{"marketStatus":"CLOSINGS_ONLY","updateTimestampUTC":1464339889}}
            """#)
        #expect(v4.instrument.limitAllowed == true && v4.instrument.stopAllowed == false)
        #expect(v4.dealingRules?.marketOrderPreference == nil)
        #expect(v4.snapshot.updatedAt == Date(timeIntervalSince1970: 1_464_339_889))
        #expect(v4.snapshot.marketStatus?.rawValue == "CLOSINGS_ONLY")
        #expect(v4.instrument.expiryDetails?.lastDealingDate == "2026-12-15T19:00")
    }
}
