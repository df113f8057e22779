import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Recorded ticks replayed from a market-data store")
struct TickReplayTests {
    /// 2025-03-03T08:00:00Z, a Monday.
    static let start: Int64 = 1_740_988_800
    static let epic = "CS.D.EURUSD.MINI.IP"
    static let environment = "http://recorder.invalid"
    /// Ticks every 5 s from 08:05:00 to 08:06:55, none in the recorded gap 08:05:55–08:06:30 (exclusive).
    static let tickSeconds: [Int64] = stride(from: 300, through: 415, by: 5).filter { $0 <= 355 || $0 >= 390 }
        .map { start + $0 }
    static let gap = (start: (start + 355) * 1000, end: (start + 390) * 1000)

    static func bid(_ second: Int64) -> Decimal {
        Decimal(string: "1.08")! + Decimal(Int((second - start) * 3 % 17)) / 100_000
    }

    /// The offer: the spread varies tick by tick (6, 7 or 8 hundred-thousandths).
    static func offer(_ second: Int64) -> Decimal {
        bid(second) + Decimal(6 + Int((second - start) / 5 % 3)) / 100_000
    }

    static func double(_ value: Decimal) -> Double? { Double("\(value)") }

    static func minuteRow(_ minute: Int) -> PriceTable.Row {
        let open = Decimal(string: "1.07")! + Decimal(minute) / 10_000
        let close = open + Decimal(string: "0.0001")!
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(start + Int64(minute) * 60)),
            bid: .init(open: open, high: close, low: open, close: close),
            ask: .init(open: open + 0.0001, high: close + 0.0001, low: open + 0.0001, close: close + 0.0001),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 10)
    }

    /// A store holding MINUTE bars 08:00–08:04 and the tick recording with its span and gap, replayed by a stepped
    /// simulator starting at 08:05:00.
    /// With `anotherRecorder`, a second recorder's span covers the gap and its ticks fill it (as after `ig history
    /// copy` from a colleague's store, or two recorders on one PostgreSQL).
    static func withReplay(
        anotherRecorder: Bool = false, _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/ticks.sqlite"))
            try await store.commit(
                FetchedBars(
                    key: SeriesKey(environment: environment, epic: Epic(rawValue: epic), resolution: .minute),
                    rows: (0..<5).map(minuteRow), covered: TimeRange(start: start, end: start + 300),
                    instrumentType: .currencies))
            let stream = RecordedStream(environment: environment, epic: Epic(rawValue: epic), stream: "TICK")
            let seconds =
                anotherRecorder ? stride(from: start + 300, through: start + 415, by: 5).map { $0 } : tickSeconds
            let ticks = seconds.map {
                RecordedTick(epic: Epic(rawValue: epic), time: $0 * 1000, bid: bid($0), offer: offer($0))
            }
            let other =
                anotherRecorder ? [RecordedSpan(stream: stream, start: gap.start - 5_000, end: gap.end + 5_000)] : []
            try await store.record(
                RecordingBatch(
                    environment: environment, ticks: ticks,
                    spans: [
                        RecordedSpan(stream: stream, start: (start + 300) * 1000, end: gap.start),
                        RecordedSpan(stream: stream, start: gap.end, end: (start + 415) * 1000),
                    ] + other,
                    gaps: [RecordedGap(stream: stream, start: gap.start, end: gap.end, reason: "session")]))
            let replay = try await PriceReplay.load(from: store)
            await store.close()
            var configuration = StreamingTest.configuration()
            configuration.clock = .stepped(start: Date(timeIntervalSince1970: TimeInterval(start + 300)))
            configuration.replay = replay
            configuration.freshAccounts = true
            configuration.accessTokenLifetime = .seconds(86_400)
            try await SimulatorHarness.with(configuration) { harness in try await body(harness) }
        }
    }

    @Test func minuteHistoryJoinsTheRecordedBarsAndTheMinutesBuiltFromTicks() async throws {
        try await Self.withReplay { harness in
            let tokens = try await harness.login()
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 600)))
            let result = try await harness.send(
                .GET, "/prices/\(Self.epic)?resolution=MINUTE&from=2025-03-03T08:00:00&to=2025-03-03T08:10:00",
                tokens: tokens, version: 3)
            let prices = result.json["prices"]?.elements ?? []
            #expect(
                prices.compactMap { $0["snapshotTimeUTC"]?.stringValue }
                    == (0...6).map { String(format: "2025-03-03T08:%02d:00", $0) })
            #expect(prices.first?["closePrice"]?["bid"]?.doubleValue == Self.double(Self.minuteRow(0).bid.close!))
            // 08:05 from its ticks: the first tick's bid opens it, the last one before the gap closes it.
            #expect(prices[5]["openPrice"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 300)))
            #expect(prices[5]["closePrice"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 355)))
            #expect(prices[5]["closePrice"]?["ask"]?.doubleValue == Self.double(Self.offer(Self.start + 355)))
            let inMinute = Self.tickSeconds.filter { $0 < Self.start + 360 }.map(Self.bid)
            #expect(prices[5]["highPrice"]?["bid"]?.doubleValue == Self.double(inMinute.max()!))
            #expect(prices[5]["lowPrice"]?["bid"]?.doubleValue == Self.double(inMinute.min()!))
            #expect(prices[6]["openPrice"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 390)))
        }
    }

    @Test func dealingFillsAtTheRecordedOfferAndTheRecordedGapIsNotTraded() async throws {
        try await Self.withReplay { harness in
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            // 08:05:12: the last tick is 08:05:10, whose spread is 8 (not the median).
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 312)))
            let market = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(market.json["snapshot"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 310)))
            #expect(market.json["snapshot"]?["offer"]?.doubleValue == Self.double(Self.offer(Self.start + 310)))
            #expect(market.json["snapshot"]?["marketStatus"] == "TRADEABLE")
            let confirm = try await harness.marketOrder(
                epic: Self.epic, expiry: "-", direction: "BUY", size: 1, currency: "USD", reference: "TICK-1",
                tokens: tokens)
            #expect(confirm.json["dealStatus"] == "ACCEPTED")
            #expect(confirm.json["level"]?.doubleValue == Self.double(Self.offer(Self.start + 310)))
            // 08:06:10: inside the recorded gap the market does not trade and keeps the last price seen.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 370)))
            let gap = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(gap.json["snapshot"]?["marketStatus"] != "TRADEABLE")
            #expect(gap.json["snapshot"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 355)))
        }
    }

    @Test func aGapAnotherRecorderCoveredIsReplayedAsTicksAndTraded() async throws {
        try await Self.withReplay(anotherRecorder: true) { harness in
            let (tokens, _) = try await harness.loginV3(accountId: IGSimulator.cfdAccountId)
            // 08:06:10, inside this recorder's gap: the other recorder's tick of 08:06:10 is the market.
            try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(Self.start + 370)))
            let market = try await harness.send(.GET, "/markets/\(Self.epic)", tokens: tokens, version: 3)
            #expect(market.json["snapshot"]?["marketStatus"] == "TRADEABLE")
            #expect(market.json["snapshot"]?["bid"]?.doubleValue == Self.double(Self.bid(Self.start + 370)))
        }
    }

    @Test func theTickStreamSendsEachRecordedTickAtItsSecondAndNothingInTheGap() async throws {
        try await Self.withReplay { harness in
            let socket = try await StreamingTest.subscribe(
                harness, item: "CHART:\(Self.epic):TICK", mode: "DISTINCT", schema: "UTM BID OFR", snapshot: false)
            _ = try #require(await socket.line(startingWith: "SUBOK,1,"))
            var values = MergedValues()
            // The first update is the market as it stands: the tick of 08:05:00.
            values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
            #expect(
                values.current.map { Double($0) } == [
                    Double((Self.start + 300) * 1000), Self.double(Self.bid(Self.start + 300)),
                    Self.double(Self.offer(Self.start + 300)),
                ])
            var seen = [[String]]()
            // Step one second at a time from 08:05:01 to 08:06:35 (across the gap).
            for second in (Self.start + 301)...(Self.start + 395) {
                try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: TimeInterval(second)))
                guard Self.tickSeconds.contains(second) else { continue }
                values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
                seen.append(values.current)
            }
            let expected = Self.tickSeconds.filter { $0 > Self.start + 300 && $0 <= Self.start + 395 }
            #expect(seen.map { $0[0] } == expected.map { String($0 * 1000) })
            #expect(seen.map { Double($0[1]) } == expected.map { Self.double(Self.bid($0)) })
            #expect(seen.map { Double($0[2]) } == expected.map { Self.double(Self.offer($0)) })
            await socket.close()
        }
    }
}
