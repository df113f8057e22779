import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

@Suite("Streaming from the simulator", .timeLimit(.minutes(2)))
struct StreamingSubscriptionTests {
    @Test("PRICE over WebSocket: a full snapshot, then live updates", arguments: [TLCPVersion.v2_4_0, .v2_5_0])
    func pricesOverWebSocket(version: TLCPVersion) async throws {
        try await withStreaming(protocolVersion: version) { environment in
            let prices = try await environment.streaming.prices([eurusd, ftse])
            var iterator = prices.makeAsyncIterator()
            let first = try #require(try await nextUpdate(&iterator))
            #expect(first.isSnapshot)
            let bid = try #require(first.bid)
            let ask = try #require(first.ask)
            #expect(bid < ask)
            #expect(first.timestamp != nil)
            var live: IGPriceUpdate?
            while live == nil || live!.isSnapshot { live = try await nextUpdate(&iterator) }
            #expect(live?.changedFields.isEmpty == false)
            #expect(environment.streaming.status == .connected(.webSocket))
        }
    }

    @Test("PRICE over HTTP streaming")
    func pricesOverHTTP() async throws {
        try await withStreaming(transport: .httpStreaming) { environment in
            let prices = try await environment.streaming.prices([eurusd])
            var iterator = prices.makeAsyncIterator()
            let first = try #require(try await nextUpdate(&iterator))
            #expect(first.epic == eurusd)
            #expect(first.bid != nil)
            _ = try await nextUpdate(&iterator)
            #expect(environment.streaming.status == .connected(.httpStreaming))
        }
    }

    @Test("Legacy MARKET items carry UPDATE_TIME as a UTC date and a market state")
    func markets() async throws {
        try await withStreaming { environment in
            var iterator = environment.streaming.markets([eurusd]).makeAsyncIterator()
            let update = try #require(try await nextUpdate(&iterator))
            #expect(update.bid != nil && update.offer != nil)
            #expect(update.marketState != nil)
            if update.updateTimeText != nil {
                let time = try #require(update.updateTime)
                #expect(abs(time.timeIntervalSinceNow) < 12 * 3600)
            }
        }
    }

    @Test("CHART ticks and candles")
    func charts() async throws {
        try await withStreaming { environment in
            var ticks = environment.streaming.chartTicks([eurusd]).makeAsyncIterator()
            var candles = environment.streaming.candles([ftse], scale: .oneMinute).makeAsyncIterator()
            let tick = try #require(try await nextUpdate(&ticks))
            #expect(tick.bid != nil && tick.offer != nil)
            #expect(tick.time != nil)
            let candle = try #require(try await nextUpdate(&candles))
            #expect(candle.scale == .oneMinute)
            #expect(candle.bid.open != nil && candle.bid.close != nil)
            if let high = candle.bid.high, let low = candle.bid.low { #expect(low <= high) }
        }
    }

    @Test("ACCOUNT balances")
    func account() async throws {
        try await withStreaming { environment in
            var iterator = try await environment.streaming.account().makeAsyncIterator()
            let update = try #require(try await nextUpdate(&iterator))
            #expect(update.accountId == (try await environment.streaming.accountId()))
            #expect(update.funds != nil || update.equity != nil || update.availableToDeal != nil)
        }
    }

    @Test("TRADE confirmations and position updates are decoded, each once")
    func trades() async throws {
        try await withStreaming { environment in
            let accountId = try await environment.streaming.accountId()
            let trades = try await environment.streaming.trades()
            var iterator = trades.makeAsyncIterator()
            try await read(&iterator) { if case .subscribed = $0 { true } else { false } }
            let confirm =
                #"{"dealReference":"SWIFTREF1","dealId":"DIAAAA1","direction":"BUY","epic":"CS.D.EURUSD.TODAY.IP","size":1,"level":1.23456,"dealStatus":"ACCEPTED","status":"OPEN","reason":"SUCCESS"}"#
            let opu =
                #"{"dealReference":"SWIFTREF1","dealId":"DIAAAA1","direction":"BUY","epic":"CS.D.EURUSD.TODAY.IP","status":"OPEN","dealStatus":"ACCEPTED","level":1.23456,"size":1,"timestamp":"2026-11-25T12:00:00.000"}"#
            await environment.simulator.publishStreamingTrade(
                accountId: accountId.rawValue, field: "CONFIRMS", json: confirm)
            await environment.simulator.publishStreamingTrade(accountId: accountId.rawValue, field: "OPU", json: opu)
            let first = try #require(try await nextUpdate(&iterator))
            guard case .confirmation(let confirmation) = first.payload else {
                Issue.record("expected CONFIRMS first, got \(first.payload)")
                return
            }
            #expect(confirmation.dealReference == "SWIFTREF1")
            #expect(confirmation.level == Decimal(string: "1.23456"))
            let second = try #require(try await nextUpdate(&iterator))
            guard case .openPosition(let position) = second.payload else {
                Issue.record("expected OPU second, got \(second.payload)")
                return
            }
            #expect(position.dealId == "DIAAAA1")
            #expect(position.status == "OPEN")
        }
    }

    @Test("A ticker board holds the latest values per market")
    func tickerBoard() async throws {
        try await withStreaming { environment in
            var boards = environment.streaming.tickers([eurusd, ftse]).makeAsyncIterator()
            var board = try #require(try await boards.next())
            while board.tickers.count < 2 { board = try #require(try await boards.next()) }
            #expect(board.tickers[eurusd]?.bid != nil)
            #expect(board.tickers[ftse]?.offer != nil)
        }
    }
}
