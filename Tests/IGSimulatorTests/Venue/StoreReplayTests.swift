import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Prices replayed from a market-data store")
struct StoreReplayTests {
    /// 2025-03-03T08:00:00Z, a Monday.
    static let start: Int64 = 1_740_988_800
    static let epic = "CS.D.EURUSD.MINI.IP"
    static let environment = "http://recorder.invalid"
    /// The recorded minutes: 08:00–08:29 without 08:10–08:14 (a gap in the recording).
    static let minutes = Array(0..<10) + Array(15..<30)

    /// A decimal as the JSON number the simulator writes.
    static func double(_ value: Decimal) -> Double? { Double("\(value)") }

    static func bid(_ minute: Int) -> Decimal {
        Decimal(string: "1.08")! + Decimal(minute * 7 % 23) / 10_000
    }

    static func row(_ minute: Int) -> PriceTable.Row {
        let open = bid(minute)
        let close = bid(minute + 1)
        let spread = Decimal(string: "0.00006")!
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(start + Int64(minute) * 60)),
            bid: .init(open: open, high: max(open, close) + 0.0002, low: min(open, close) - 0.0001, close: close),
            ask: .init(
                open: open + spread, high: max(open, close) + 0.0002 + spread,
                low: min(open, close) - 0.0001 + spread, close: close + spread),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 40)
    }

    /// A store file holding the recording, replayed by a stepped simulator starting at `clock` (08:00 by default).
    static func withReplay(
        clock: Date = Date(timeIntervalSince1970: TimeInterval(start)),
        _ body: (SimulatorHarness, PriceReplay) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/recording.sqlite"))
            try await store.commit(
                FetchedBars(
                    key: SeriesKey(environment: environment, epic: Epic(rawValue: epic), resolution: .minute),
                    rows: minutes.map(row), covered: TimeRange(start: start, end: start + 1800),
                    instrumentType: .currencies))
            let replay = try await PriceReplay.load(from: store)
            await store.close()
            var configuration = StreamingTest.configuration()
            configuration.clock = .stepped(start: clock)
            configuration.replay = replay
            configuration.accessTokenLifetime = .seconds(86_400)
            try await SimulatorHarness.with(configuration) { harness in try await body(harness, replay) }
        }
    }

    @Test func historyReplaysTheRecordedBarsWithTheirGapAndNothingBeyondTheClock() async throws {
        try await Self.withReplay { harness, replay in
            #expect(replay.epics == [Self.epic])
            let tokens = try await harness.login()
            let path = "/prices/\(Self.epic)?resolution=MINUTE&from=2025-03-03T08:00:00&to=2025-03-03T09:00:00"
            // At 08:00 no bar has closed yet.
            let early = try await harness.send(.GET, path, tokens: tokens, version: 3)
            #expect(early.status == 200)
            #expect(early.json["prices"]?.elements.isEmpty == true)
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 3600)))
            let result = try await harness.send(.GET, path + "&pageSize=0", tokens: tokens, version: 3)
            let prices = result.json["prices"]?.elements ?? []
            #expect(prices.count == Self.minutes.count)
            #expect(
                prices.compactMap { $0["snapshotTimeUTC"]?.stringValue }
                    == Self.minutes.map { String(format: "2025-03-03T08:%02d:00", $0) })
            #expect(
                prices.map { $0["closePrice"]?["bid"]?.doubleValue }
                    == Self.minutes.map { Self.double(Self.bid($0 + 1)) })
            #expect(
                prices.map { $0["openPrice"]?["ask"]?.doubleValue }
                    == Self.minutes.map { Self.double(Self.bid($0) + 0.00006) })
        }
    }

    @Test func eachCandleIsSentCompleteOnce() async throws {
        // DISTINCT keeps every event: a candle completed when the clock passed its end must not be completed again
        // when the next candle starts.
        try await Self.withReplay(clock: Date(timeIntervalSince1970: TimeInterval(Self.start + 60))) { harness, _ in
            let socket = try await StreamingTest.subscribe(
                harness, item: "CHART:\(Self.epic):1MINUTE", mode: "DISTINCT", schema: "UTM CONS_END", snapshot: false)
            _ = try #require(await socket.line(startingWith: "SUBOK,1,"))
            var completed = [String]()
            var values = MergedValues()
            values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
            if values.current[1] == "1" { completed.append(values.current[0]) }
            for _ in 1...4 {
                let answer = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 60}"#)
                for _ in 0..<(answer.json["updates"]?.intValue ?? 0) {
                    values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
                    if values.current[1] == "1" { completed.append(values.current[0]) }
                }
            }
            // 08:01:00 to 08:05:00: the candles of 08:00 to 08:04, each complete once.
            #expect(completed == (0..<5).map { String((Self.start + Int64($0) * 60) * 1000) })
            await socket.close()
        }
    }

    @Test func beforeTheFirstBarNothingIsStreamedNorDealtAndTheFirstCandleComesWhenItCloses() async throws {
        // The clock starts two minutes before the recording: no price is known until the 08:00 bar closes at
        // 08:00:59. Before, a candle every minute at a made-up level misled strategies and filled deals at it.
        try await Self.withReplay(clock: Date(timeIntervalSince1970: TimeInterval(Self.start - 120))) { harness, _ in
            let socket = try await StreamingTest.subscribe(
                harness, item: "CHART:\(Self.epic):1MINUTE", mode: "MERGE", schema: "UTM BID_CLOSE CONS_END",
                snapshot: true)
            var values = MergedValues()
            values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
            #expect(values.current == ["", "", ""])
            // 07:59:00 and 08:00:30: the steps produce no update.
            for step in [60, 90] {
                let answer = try await harness.send(.POST, "/simulator/clock", body: #"{"step": \#(step)}"#)
                #expect(answer.status == 200 && answer.json["updates"]?.intValue == 0)
            }
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            let market = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(market.json["snapshot"]?["marketStatus"] != "TRADEABLE")
            let confirm = try await harness.marketOrder(
                epic: Self.epic, expiry: "-", direction: "SELL", size: 1, currency: "USD", reference: "EARLY-1",
                tokens: tokens)
            #expect(confirm.json["dealStatus"] == "REJECTED" && confirm.json["reason"] == "MARKET_CLOSED")
            // 08:01:00: the first bar closed at 08:00:59; its candle is the first update, complete, at its close.
            let first = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 30}"#)
            #expect(first.json["updates"]?.intValue == 1)
            values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
            #expect(values.current[0] == String(Self.start * 1000))
            #expect(Double(values.current[1]) == Self.double(Self.bid(1)))
            #expect(values.current[2] == "1")
            await socket.close()
        }
    }

    @Test func epicsAndTimesTheStoreDoesNotHoldGetIGsErrors() async throws {
        try await Self.withReplay { harness, _ in
            let tokens = try await harness.login()
            let market = try await harness.send(.GET, "/markets/CS.D.GBPUSD.MINI.IP", tokens: tokens, version: 3)
            #expect(market.status == 404 && market.errorCode == "error.service.marketdata.instrument.epic.unavailable")
            let unknown = try await harness.send(
                .GET, "/prices/CS.D.GBPUSD.MINI.IP?resolution=MINUTE&max=5", tokens: tokens, version: 3)
            #expect(unknown.status == 400 && unknown.errorCode == "error.unsupported.epic")
            let before = try await harness.send(
                .GET, "/prices/\(Self.epic)?resolution=MINUTE&from=2025-02-03T08:00:00&to=2025-02-03T09:00:00",
                tokens: tokens, version: 3)
            #expect(before.status == 404 && before.errorCode == "error.price-history.io-error")
            let held = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(held.status == 200)
        }
    }

    @Test func dealingFillsAtTheRecordedOfferAndTheMarketIsClosedInTheGap() async throws {
        try await Self.withReplay { harness, _ in
            // The recorded market is a CFD: deal on the CFD account.
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            // 08:05:00: the last closed bar is 08:04, whose close is bid(5).
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 300)))
            let market = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(market.json["snapshot"]?["bid"]?.doubleValue == Self.double(Self.bid(5)))
            #expect(market.json["snapshot"]?["marketStatus"] == "TRADEABLE")
            let confirm = try await harness.marketOrder(
                epic: Self.epic, expiry: "-", direction: "BUY", size: 1, currency: "USD", reference: "REPLAY-1",
                tokens: tokens)
            #expect(confirm.json["dealStatus"] == "ACCEPTED")
            #expect(
                confirm.json["level"]?.doubleValue
                    == Self.double(Self.bid(5) + Decimal(string: "0.00006")!))
            // 08:13: inside the gap, nothing was recorded for two bar lengths: the market is not trading.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 780)))
            let gap = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(gap.json["snapshot"]?["marketStatus"] != "TRADEABLE")
            #expect(gap.json["snapshot"]?["bid"]?.doubleValue == Self.double(Self.bid(10)))
        }
    }

    @Test func marketsOfOneUnderlyingQuotedAtOtherPrecisionsReadTheirOwnRecordings() throws {
        // Spot gold (two decimals) and the gold future (one decimal) share a price path key; each recording stays
        // at its own market's scale.
        func bars(_ level: Double, _ spread: Double) -> [ReplayBar] {
            (0..<30).map { minute in
                ReplayBar(
                    start: Date(timeIntervalSince1970: TimeInterval(Self.start + Int64(minute) * 60)), open: level,
                    high: level + 1, low: level - 1, close: level, spread: spread, volume: 1)
            }
        }
        let catalog = Catalog(now: Date(timeIntervalSince1970: TimeInterval(Self.start)))
        let spot = try #require(catalog.instrument(epic: "CS.D.USCGC.TODAY.IP"))
        let future = try #require(catalog.instrument(epic: "MT.D.GC.Month2.IP"))
        try #require(spot.priceProfile.key == future.priceProfile.key)
        try #require(spot.priceProfile.decimalPlaces != future.priceProfile.decimalPlaces)
        let replay = try PriceReplay(
            bars: ["CS.D.USCGC.TODAY.IP": bars(2301.25, 0.3), "MT.D.GC.Month2.IP": bars(2320.5, 0.6)],
            resolution: .minute, catalog: catalog)
        let engine = PriceEngine(seed: 42, replay: replay)
        let at = Date(timeIntervalSince1970: TimeInterval(Self.start + 20 * 60))
        #expect(abs(engine.quote(for: spot.priceProfile, at: at).bid - 2301.25) < 1e-6)
        #expect(abs(engine.quote(for: future.priceProfile, at: at).bid - 2320.5) < 1e-6)
    }

    @Test func aStopTriggersWhenTheClockReachesTheBarThatTouchesItAndTheLedgerHasThatTime() async throws {
        try await Self.withReplay { harness, _ in
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            // 08:05: bought at the offer of bid(5) = 1.0812; bar 08:06 (1.0819 → 1.0803) reaches down to 1.0802.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 300)))
            #expect(
                try await harness.marketOrder(
                    epic: Self.epic, expiry: "-", direction: "BUY", size: 1, currency: "USD", reference: "STOP-1",
                    extra: #""stopLevel":1.0805"#, tokens: tokens
                ).json["dealStatus"] == "ACCEPTED")
            func positions() async throws -> Int {
                try await harness.send(.GET, "/positions", tokens: tokens, version: 2).json["positions"]?.elements
                    .count ?? -1
            }
            // 08:06:58: the bar that touches the stop has not closed yet, so it is not visible: still open.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 418)))
            #expect(try await positions() == 1)
            // 08:07:30: the bar closed at 08:06:59 and the stop filled then, at the stop level.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 450)))
            #expect(try await positions() == 0)
            let ledger = try await harness.send(
                .GET, "/history/transactions?from=2025-03-03T00:00:00&to=2025-03-04T00:00:00", tokens: tokens,
                version: 2)
            let closing = ledger.json["transactions"]?.elements.first { $0["transactionType"] == "DEAL" }
            #expect(closing?["dateUtc"]?.stringValue == "2025-03-03T08:06:59")
            #expect(closing?["closeLevel"]?.stringValue == "1.0805")
        }
    }
}
