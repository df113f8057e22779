import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

@Suite("Recorder state machine")
struct RecorderStateTests {
    static let environment = "TEST"
    static let tickKey = RecorderStreamKey(epic: eurusd, stream: "TICK")

    static func tick(_ state: inout RecorderState, _ time: Int64, bid: String, now: Int64? = nil) {
        state.tick(
            epic: eurusd, time: time, bid: Decimal(string: bid), offer: Decimal(string: bid).map { $0 + 1 },
            lastTradedPrice: nil, lastTradedVolume: nil, totalVolume: nil, now: now ?? time)
    }

    static func take(_ state: inout RecorderState) throws -> RecordingBatch {
        let batch = state.takeBatch()
        return try #require(batch)
    }

    @Test("ticks are batched; a replayed tick is skipped; distinct ticks of one millisecond are numbered")
    func ticksAndReplays() throws {
        var state = RecorderState(environment: Self.environment, limits: .init(batchRows: 3, maximumDelay: 1000))
        Self.tick(&state, 1000, bid: "1.1")
        Self.tick(&state, 1000, bid: "1.1")  // the same tick again (a snapshot): skipped
        Self.tick(&state, 1000, bid: "1.2")  // another tick of the same millisecond: sequence 1
        Self.tick(&state, 900, bid: "1.0")  // older than what was accepted: a replay
        #expect(state.pendingRows == 2)
        #expect(state.statistics.duplicates == 2)
        #expect(!state.batchDue(now: 1500))
        #expect(state.batchDue(now: 2000))  // the first row waited the maximum delay
        Self.tick(&state, 1200, bid: "1.3")
        #expect(state.batchDue(now: 1200))  // three rows: a full batch
        let batch = try Self.take(&state)
        #expect(batch.ticks.map(\.time) == [1000, 1000, 1200])
        #expect(batch.ticks.map(\.sequence) == [0, 1, 0])
        #expect(batch.spans == [RecordedSpan(stream: Self.stream, start: 1000, end: 1200)])
        #expect(batch.gaps.isEmpty)
        state.batchWritten(batch)
        #expect(state.statistics.ticksWritten == 3)
        #expect(state.takeBatch() == nil)
    }

    static let stream = RecordedStream(environment: environment, epic: eurusd, stream: "TICK")

    @Test("a fault opens one gap at the last update; the first new update closes it and starts a new span")
    func gapOpensAndCloses() throws {
        var state = RecorderState(environment: Self.environment)
        Self.tick(&state, 1000, bid: "1.1")
        Self.tick(&state, 2000, bid: "1.2")
        state.gap([Self.tickKey], reason: "session")
        state.gap([Self.tickKey], reason: "session")  // the same fault seen twice: still one gap
        Self.tick(&state, 2000, bid: "1.2")  // the snapshot repeats the last tick: not new, the gap stays open
        #expect(state.statistics.duplicates == 1)
        Self.tick(&state, 5000, bid: "1.5")
        let batch = try Self.take(&state)
        #expect(batch.gaps == [RecordedGap(stream: Self.stream, start: 2000, end: 5000, reason: "session")])
        #expect(
            Set(batch.spans) == [
                RecordedSpan(stream: Self.stream, start: 1000, end: 2000),
                RecordedSpan(stream: Self.stream, start: 5000, end: 5000),
            ])
        #expect(batch.ticks.map(\.time) == [1000, 2000, 5000])
        #expect(state.statistics.gapsOpened == 1)
    }

    @Test("a restart opens a gap at the end of what the store holds and recognises its last ticks")
    func resume() throws {
        var state = RecorderState(environment: Self.environment)
        let stored = RecordedTick(epic: eurusd, time: 7000, bid: Decimal(string: "1.7"), offer: Decimal(string: "2.7"))
        state.resume([Self.tickKey], ends: [Self.stream: 7000], latestTicks: [eurusd: [stored]])
        Self.tick(&state, 7000, bid: "1.7")  // already stored
        Self.tick(&state, 6000, bid: "1.6")  // older
        Self.tick(&state, 9000, bid: "1.9")
        let batch = try Self.take(&state)
        #expect(batch.ticks.map(\.time) == [9000])
        #expect(batch.gaps == [RecordedGap(stream: Self.stream, start: 7000, end: 9000, reason: "restart")])
    }

    @Test("only complete candles become bars, once each, with their interval as coverage")
    func candles() throws {
        var state = RecorderState(environment: Self.environment)
        let key = RecorderStreamKey(epic: eurusd, stream: "1MINUTE")
        func candle(_ start: Int64, complete: Bool, close: String) {
            let row = PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(start) / 1000),
                bid: PriceTable.OHLC(open: 1, high: 2, low: 1, close: Decimal(string: close)),
                ask: PriceTable.OHLC(open: 2, high: 3, low: 2, close: 3),
                lastTraded: PriceTable.OHLC(open: nil, high: nil, low: nil, close: nil),
                volume: 12)
            state.candle(
                epic: eurusd, scale: "1MINUTE", resolution: .minute, start: start, row: row, isComplete: complete,
                now: start)
        }
        candle(60_000, complete: false, close: "1.5")
        candle(60_000, complete: false, close: "1.6")
        candle(60_000, complete: true, close: "1.7")
        candle(60_000, complete: true, close: "1.7")  // replayed
        candle(120_000, complete: false, close: "1.8")
        let batch = try Self.take(&state)
        #expect(batch.candles.count == 1)
        #expect(batch.candles.first?.covered == TimeRange(start: 60, end: 120))
        #expect(batch.candles.first?.rows.first?.bid.close == Decimal(string: "1.7"))
        #expect(batch.candles.first?.key == SeriesKey(environment: Self.environment, epic: eurusd, resolution: .minute))
        state.gap([key], reason: "session")
        candle(240_000, complete: false, close: "1.9")  // the 2-minute candle's completion was lost
        let next = try Self.take(&state)
        #expect(next.gaps.map(\.start) == [120_000])
        #expect(next.gaps.map(\.end) == [240_000])
        #expect(next.candles.isEmpty)
    }

    @Test("memory is bounded: the state reports full at the limit; a failed batch waits again in order")
    func boundedAndRetried() throws {
        var state = RecorderState(
            environment: Self.environment, limits: .init(batchRows: 2, maximumDelay: 0, maximumPendingRows: 4))
        for index in 0..<4 { Self.tick(&state, Int64(1000 + index), bid: "1.\(index)") }
        #expect(state.isFull)
        let batch = try Self.take(&state)
        #expect(batch.ticks.count == 2)
        #expect(!state.isFull)
        state.batchFailed(batch, now: 2000)
        let again = try Self.take(&state)
        #expect(again.ticks.map(\.time) == [1000, 1001])
        #expect(again.spans.map(\.end) == [1003])
    }

    @Test("PRICE updates: a snapshot sent again is skipped, distinct updates of one millisecond are numbered")
    func prices() throws {
        var state = RecorderState(environment: Self.environment)
        func price(_ time: Int64, _ bid: Decimal) -> RecordedPrice {
            RecordedPrice(epic: eurusd, time: time, bid: bid, ask: bid + 1, dealingFlag: "DEAL")
        }
        state.price(price(1000, 1), now: 1000)
        state.price(price(1000, 1), now: 1100)  // the snapshot after a reconnection: skipped
        state.price(price(1000, 2), now: 1100)  // another update in the same millisecond
        state.price(price(900, 3), now: 1200)  // older than what was accepted
        state.price(price(1500, 4), now: 1500)
        let batch = try Self.take(&state)
        #expect(batch.prices.map(\.time) == [1000, 1000, 1500])
        #expect(batch.prices.map(\.sequence) == [0, 1, 0])
        #expect(batch.prices.map(\.bid) == [1, 2, 4])
        #expect(state.statistics.duplicates == 2)
        #expect(
            batch.spans == [
                RecordedSpan(
                    stream: RecordedStream(environment: Self.environment, epic: eurusd, stream: "PRICE"), start: 1000,
                    end: 1500)
            ])
    }

    @Test("account updates: kept as sent, a snapshot repeating the item's fields is skipped, times never go back")
    func accountUpdates() throws {
        var state = RecorderState(environment: Self.environment)
        let key = RecorderStreamKey(epic: "ABC", stream: "ACCOUNT")
        state.accountUpdate(key, item: "ACCOUNT:ABC", fields: ["PNL": "1", "FUNDS": "10"], isSnapshot: true, now: 1000)
        state.accountUpdate(key, item: "ACCOUNT:ABC", fields: ["PNL": "2"], isSnapshot: false, now: 1000)
        // A reconnection sends the item's snapshot again: the same fields, skipped.
        state.accountUpdate(key, item: "ACCOUNT:ABC", fields: ["PNL": "2", "FUNDS": "10"], isSnapshot: true, now: 1200)
        // A clock that went back: the update keeps the latest time and gets the next sequence.
        state.accountUpdate(
            key, item: "ACCOUNT:ABC", fields: ["FUNDS": "9"], nulls: ["PNL"], isSnapshot: false, now: 900)
        let batch = try Self.take(&state)
        #expect(batch.accountUpdates.map(\.time) == [1000, 1000, 1000])
        #expect(batch.accountUpdates.map(\.sequence) == [0, 1, 2])
        #expect(
            batch.accountUpdates.map(\.update) == [
                #"{"FUNDS":"10","PNL":"1"}"#, #"{"PNL":"2"}"#, #"{"FUNDS":"9","PNL":null}"#,
            ])
        #expect(state.statistics.duplicates == 1)
    }

    @Test("ACCOUNT and TRADE: a span covers the time subscribed, updates or not; a restart and a fault leave gaps")
    func auditTrailSpansAndGaps() throws {
        var state = RecorderState(environment: Self.environment, limits: .init(heartbeatInterval: 1000))
        let account = RecorderStreamKey(epic: "ABC", stream: "ACCOUNT")
        let trade = RecorderStreamKey(epic: "ABC", stream: "TRADE")
        let accountStream = RecordedStream(environment: Self.environment, epic: "ABC", stream: "ACCOUNT")
        let tradeStream = RecordedStream(environment: Self.environment, epic: "ABC", stream: "TRADE")
        func spans(_ start: Int64, _ end: Int64) -> Set<RecordedSpan> {
            [
                RecordedSpan(stream: accountStream, start: start, end: end),
                RecordedSpan(stream: tradeStream, start: start, end: end),
            ]
        }
        func gaps(_ start: Int64, _ end: Int64, _ reason: String) -> Set<RecordedGap> {
            [
                RecordedGap(stream: accountStream, start: start, end: end, reason: reason),
                RecordedGap(stream: tradeStream, start: start, end: end, reason: reason),
            ]
        }
        // The store holds both up to 5000: a restart. Connected, but not subscribed yet: nothing is observed.
        state.resume([account, trade], ends: [accountStream: 5000, tradeStream: 5000], latestTicks: [:])
        state.heartbeat(now: 6000, session: 1)
        #expect(state.takeBatch() == nil)
        // Subscribed at 7000: the restart gaps close there. TRADE sees no update at all, ACCOUNT its snapshot.
        state.subscribed([account], now: 7000, session: 1)
        state.subscribed([trade], now: 7000, session: 1)
        state.accountUpdate(account, item: "ACCOUNT:ABC", fields: ["FUNDS": "10"], isSnapshot: true, now: 7000)
        #expect(state.batchDue(now: 7500))
        var batch = try Self.take(&state)
        #expect(Set(batch.gaps) == gaps(5000, 7000, "restart"))
        #expect(Set(batch.spans) == spans(7000, 7000))
        #expect(batch.accountUpdates.map(\.sequence) == [0])
        // No update for a while: the heartbeat extends both spans (at most once a second).
        state.heartbeat(now: 8000, session: 1)
        state.heartbeat(now: 8500, session: 1)
        #expect(state.batchDue(now: 8500))
        batch = try Self.take(&state)
        #expect(batch.gaps.isEmpty)
        #expect(Set(batch.spans) == spans(7000, 8000))
        // An update at the heartbeat's millisecond is its first one.
        state.accountUpdate(account, item: "ACCOUNT:ABC", fields: ["FUNDS": "11"], isSnapshot: false, now: 8000)
        batch = try Self.take(&state)
        #expect(batch.accountUpdates.map(\.time) == [8000])
        #expect(batch.accountUpdates.map(\.sequence) == [0])

        // The session is replaced: gaps open at 8000. The new session is connected before the subscriptions are
        // live again: its heartbeat observes nothing; they are live at 9500.
        state.gap([account, trade], reason: "session")
        state.heartbeat(now: 9000, session: 2)
        state.heartbeat(now: 9000, session: 1)
        #expect(state.takeBatch() == nil)
        state.subscribed([account, trade], now: 9500, session: 2)
        state.heartbeat(now: 10_500, session: 2)
        batch = try Self.take(&state)
        #expect(Set(batch.gaps) == gaps(8000, 9500, "session"))
        #expect(Set(batch.spans) == spans(9500, 10_500))
        // A heartbeat of a session not signalled yet (the stream was replaced, its gap still to come) extends nothing.
        state.heartbeat(now: 11_500, session: 3)
        #expect(state.takeBatch() == nil)
        // An overflow of TRADE while subscribed: the gap opens at its span's end, the next heartbeat closes it.
        state.gap([trade], reason: "overflow")
        state.heartbeat(now: 12_500, session: 2)
        batch = try Self.take(&state)
        #expect(batch.gaps == [RecordedGap(stream: tradeStream, start: 10_500, end: 12_500, reason: "overflow")])
        #expect(
            Set(batch.spans) == [
                RecordedSpan(stream: accountStream, start: 9500, end: 12_500),
                RecordedSpan(stream: tradeStream, start: 12_500, end: 12_500),
            ])
        #expect(state.statistics.gapsOpened == 5)
    }

    @Test("a market stream's span follows its updates alone: subscribed and heartbeats add none")
    func marketSpansFollowUpdates() throws {
        var state = RecorderState(environment: Self.environment)
        state.subscribed([Self.tickKey], now: 1000, session: 1)
        state.heartbeat(now: 2000, session: 1)
        #expect(state.takeBatch() == nil)
        Self.tick(&state, 2500, bid: "1.1")
        state.heartbeat(now: 4000, session: 1)
        let batch = try Self.take(&state)
        #expect(batch.spans == [RecordedSpan(stream: Self.stream, start: 2500, end: 2500)])
    }
}
