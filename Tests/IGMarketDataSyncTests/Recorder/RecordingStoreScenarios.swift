import Foundation
import IGMarketData
import IGModels
import Testing

/// The store's recording tables, on each engine (the SQLite and PostgreSQL suites call these).
enum RecordingStoreScenarios {
    static let environment = "TEST"
    static let stream = RecordedStream(environment: environment, epic: eurusd, stream: "TICK")

    static func ticks(_ times: [Int64]) -> [RecordedTick] {
        times.enumerated().map { index, time in
            RecordedTick(
                epic: eurusd, time: time, bid: Decimal(string: "1.0812\(index)"),
                offer: Decimal(string: "1.0813\(index)"), lastTradedPrice: index % 2 == 0 ? nil : Decimal(12_345),
                lastTradedVolume: Decimal(string: "0.5"), totalVolume: Decimal(1000 + index))
        }
    }

    /// Ticks, spans and gaps come back value for value; writing a batch twice adds nothing.
    static func roundTripAndIdempotence(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let ticks = ticks([60_000, 60_500, 61_000, 200_000])
            let batch = RecordingBatch(
                environment: environment, ticks: ticks,
                spans: [
                    RecordedSpan(stream: stream, start: 60_000, end: 61_000),
                    RecordedSpan(stream: stream, start: 200_000, end: 200_000),
                ],
                gaps: [RecordedGap(stream: stream, start: 61_000, end: 200_000, reason: "session")])
            try await store.record(batch)
            try await store.record(batch)
            let read = try await store.ticks(
                eurusd, environment: environment, from: Date(timeIntervalSince1970: 0),
                to: Date(timeIntervalSince1970: 1000))
            #expect(read == ticks)
            let gaps = try await store.gaps(environment: environment)
            #expect(gaps == batch.gaps)
            // A span grows when written again with a later end.
            try await store.record(
                RecordingBatch(
                    environment: environment, spans: [RecordedSpan(stream: stream, start: 200_000, end: 300_000)]))
            #expect(try await store.recordingEnds(environment: environment) == [stream: 300_000])
            // What `ig history status` lists: from the first span's start to the last one's end, two spans, one gap.
            #expect(
                try await store.recordings(environment: environment) == [
                    RecordingStatus(stream: stream, first: 60_000, last: 300_000, spans: 2, gaps: 1)
                ])
            #expect(try await store.recordings(environment: "ELSEWHERE").isEmpty)
            let latest = try await store.latestTicks(environment: environment, epics: [eurusd])
            #expect(latest[eurusd] == [ticks[3]])
        }
    }

    /// A write from a cancelled task fails as `.cancelled` (it was a `.database` error, which the recorder retried and
    /// then reported as a failed write, losing the batch to a restart gap); written again, the batch is stored once.
    static func cancelledWrite(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let ticks = ticks([60_000, 61_000])
            let batch = RecordingBatch(environment: environment, ticks: ticks)
            let failure = await Task { () -> StoreError? in
                withUnsafeCurrentTask { $0?.cancel() }
                do throws(StoreError) {
                    try await store.record(batch)
                    return nil
                } catch {
                    return error
                }
            }.value
            // GRDB checks the cancellation before it writes, so on SQLite the write always fails this way; postgres-nio
            // does not, and the write completes (or, cancelled mid-way, must fail this way too).
            if kind == .sqlite || failure != nil {
                #expect(failure?.code == .cancelled, "\(String(describing: failure))")
            }
            try await store.record(batch)
            let read = try await store.ticks(
                eurusd, environment: environment, from: Date(timeIntervalSince1970: 0),
                to: Date(timeIntervalSince1970: 1000))
            #expect(read == ticks)
        }
    }

    /// PRICE updates and the account's trail come back value for value; writing a batch twice adds nothing.
    static func pricesAndTrail(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let prices = [
                RecordedPrice(
                    epic: eurusd, time: 60_000, bid: Decimal(string: "1.08123"), ask: Decimal(string: "1.0813"),
                    bidSize: 1000, askSize: 2000, high: Decimal(string: "1.09"), low: Decimal(string: "1.07"),
                    midOpen: Decimal(string: "1.08005"), netChange: Decimal(string: "-0.0012"), dealingFlag: "DEAL"),
                RecordedPrice(epic: eurusd, time: 60_000, sequence: 1, bid: Decimal(string: "1.08124"), ask: nil),
                RecordedPrice(epic: eurusd, time: 61_000, bid: 1, ask: 2, dealingFlag: "CLOSED"),
            ]
            let trail = [
                RecordedAccountUpdate(
                    item: "ACCOUNT:ABC", time: 60_001,
                    update: RecordedAccountUpdate.json(fields: ["PNL": "-1.50", "FUNDS": "100"], nulls: ["MARGIN"])),
                RecordedAccountUpdate(
                    item: "TRADE:ABC", time: 60_001,
                    update: RecordedAccountUpdate.json(fields: ["CONFIRMS": #"{"dealReference":"R1","level":1.5}"#])),
                RecordedAccountUpdate(item: "TRADE:ABC", time: 60_001, sequence: 1, update: "{}"),
            ]
            let batch = RecordingBatch(environment: environment, prices: prices, accountUpdates: trail)
            try await store.record(batch)
            try await store.record(batch)
            let read = try await store.prices(
                eurusd, environment: environment, from: Date(timeIntervalSince1970: 0),
                to: Date(timeIntervalSince1970: 1000))
            #expect(read == prices)
            let readTrail = try await store.accountUpdates(environment: environment)
            #expect(Set(readTrail) == Set(trail))
            #expect(readTrail.count == trail.count)
            #expect(
                readTrail.first { $0.item == "ACCOUNT:ABC" }?.fields == ["PNL": "-1.50", "FUNDS": "100", "MARGIN": nil])
        }
    }

    /// Which minutes are covered and which are gaps.
    static func minutes(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            // Recorded from 10:00:00 to 10:04:30, a gap from there to 10:07:10, then recorded to 10:10:00.
            let base: Int64 = 1_741_082_400  // 2025-03-04T10:00:00Z
            let first = RecordedSpan(stream: stream, start: base * 1000, end: (base + 270) * 1000)
            let second = RecordedSpan(stream: stream, start: (base + 430) * 1000, end: (base + 600) * 1000)
            let gap = RecordedGap(
                stream: stream, start: (base + 270) * 1000, end: (base + 430) * 1000, reason: "session")
            try await store.record(RecordingBatch(environment: environment, spans: [first, second], gaps: [gap]))
            let range = TimeRange(start: base - 120, end: base + 720)
            let coverage = try await store.recordingCoverage(stream, in: range)
            #expect(
                coverage.coveredMinutes(in: range) == [
                    TimeRange(start: base, end: base + 240), TimeRange(start: base + 480, end: base + 600),
                ])
            #expect(coverage.gapMinutes(in: range) == [TimeRange(start: base + 240, end: base + 480)])
            // Another recorder's span over the same interval fills the gap.
            try await store.record(
                RecordingBatch(
                    environment: environment,
                    spans: [RecordedSpan(stream: stream, start: (base + 200) * 1000, end: (base + 500) * 1000)]))
            let filled = try await store.recordingCoverage(stream, in: range)
            #expect(filled.gapMinutes(in: range).isEmpty)
            #expect(filled.coveredMinutes(in: range) == [TimeRange(start: base, end: base + 600)])
        }
    }

    /// Completed candles land in the bars and coverage the price cache reads.
    static func candlesAsBars(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let key = SeriesKey(environment: environment, epic: eurusd, resolution: .minute)
            let row = PriceTable.Row(
                time: Date(timeIntervalSince1970: 1_741_082_400),
                bid: PriceTable.OHLC(
                    open: Decimal(string: "1.08121"), high: Decimal(string: "1.0815"), low: 1, close: 1),
                ask: PriceTable.OHLC(open: 2, high: 2, low: 2, close: 2),
                lastTraded: PriceTable.OHLC(open: nil, high: nil, low: nil, close: nil),
                volume: 42)
            let candle = FetchedBars(
                key: key, rows: [row], covered: TimeRange(start: 1_741_082_400, end: 1_741_082_460))
            try await store.record(RecordingBatch(environment: environment, candles: [candle]))
            try await store.record(RecordingBatch(environment: environment, candles: [candle]))
            let table = try await store.table(key, in: TimeRange(start: 0, end: Int64.max / 2))
            #expect(table.rows == [row])
            #expect(try await store.coverage(key).ranges == [TimeRange(start: 1_741_082_400, end: 1_741_082_460)])
        }
    }
}

@Suite("Recording tables on SQLite")
struct SQLiteRecordingStoreTests {
    @Test("ticks, spans and gaps round-trip; a batch written twice adds nothing")
    func roundTrip() async throws { try await RecordingStoreScenarios.roundTripAndIdempotence(.sqlite) }

    @Test("which minutes are covered and which are gaps")
    func minutes() async throws { try await RecordingStoreScenarios.minutes(.sqlite) }

    @Test("completed candles go into the price cache's bars and coverage")
    func candles() async throws { try await RecordingStoreScenarios.candlesAsBars(.sqlite) }

    @Test("PRICE updates and the account's trail round-trip; a batch written twice adds nothing")
    func pricesAndTrail() async throws { try await RecordingStoreScenarios.pricesAndTrail(.sqlite) }

    @Test("a write from a cancelled task fails as cancelled, and the batch written again is stored once")
    func cancelledWrite() async throws { try await RecordingStoreScenarios.cancelledWrite(.sqlite) }
}

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL).
@Suite("Recording tables on PostgreSQL", .enabled(if: PostgresTesting.available))
struct PostgresRecordingStoreTests {
    @Test("ticks, spans and gaps round-trip; a batch written twice adds nothing")
    func roundTrip() async throws { try await RecordingStoreScenarios.roundTripAndIdempotence(.postgres) }

    @Test("which minutes are covered and which are gaps")
    func minutes() async throws { try await RecordingStoreScenarios.minutes(.postgres) }

    @Test("completed candles go into the price cache's bars and coverage")
    func candles() async throws { try await RecordingStoreScenarios.candlesAsBars(.postgres) }

    @Test("PRICE updates and the account's trail round-trip; a batch written twice adds nothing")
    func pricesAndTrail() async throws { try await RecordingStoreScenarios.pricesAndTrail(.postgres) }

    @Test("a write from a cancelled task fails as cancelled, and the batch written again is stored once")
    func cancelledWrite() async throws { try await RecordingStoreScenarios.cancelledWrite(.postgres) }
}
