import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

@Suite("Recorder against the simulator", .timeLimit(.minutes(2)))
struct RecorderTests {
    /// The ticks the observer saw between the first and the last stored tick, outside recorded gaps, are exactly
    /// the stored ones, each once.
    static func expectSameTicks(_ harness: RecorderHarness) async throws {
        let stored = try await harness.storedTicks()
        let gaps = try await harness.store.gaps(environment: harness.environment)
        guard let first = stored.first?.time, let last = stored.last?.time else {
            Issue.record("nothing stored")
            return
        }
        let seen = Set(
            harness.observer.tickValues.compactMap(TickValues.init).filter { value in
                value.time >= first && value.time <= last
                    && !gaps.contains { $0.start < value.time && value.time < $0.end }
            })
        #expect(Set(stored.map(TickValues.init)) == seen)
        #expect(stored.count == seen.count, "a tick stored twice")
    }

    @Test("ticks and completed candles are stored value for value as streamed, each once")
    func valueForValue() async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(.sqlite) { store in
                let options = RecorderOptions(epics: [eurusd], ticks: true, candles: [.second])
                try await withRecorder(simulator: simulator, url: url, store: store, options: options) { harness in
                    try await harness.wait {
                        let statistics = harness.recorder.statistics
                        return statistics.candlesWritten >= 4 && statistics.ticksWritten >= 20
                    }
                } after: { harness in
                    // No gap but, on a loaded machine, a `conflated` one: the test's tick reader lagging (see `fault`).
                    let gaps = try await harness.store.gaps(environment: harness.environment)
                    #expect(gaps.allSatisfy { $0.reason == "conflated" }, "\(gaps)")
                    try await Self.expectSameTicks(harness)
                    let key = SeriesKey(environment: harness.environment, epic: eurusd, resolution: .second)
                    let bars = try await harness.store.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
                    let stored = Set(bars.map(\.time))
                    let streamed = harness.observer.completeCandles.filter { candle in
                        candle.time.map { stored.contains($0) } ?? false
                    }
                    #expect(bars.count == harness.recorder.statistics.candlesWritten)
                    #expect(streamed.count == bars.count)
                    for candle in streamed {
                        let bar = try #require(bars.first { $0.time == candle.time })
                        #expect(bar.bid.open == candle.bid.open && bar.bid.close == candle.bid.close)
                        #expect(bar.bid.high == candle.bid.high && bar.bid.low == candle.bid.low)
                        #expect(bar.ask.open == candle.offer.open && bar.ask.close == candle.offer.close)
                        #expect(bar.volume == candle.tickCount.map { Decimal($0) })
                    }
                    // The candles' seconds are covered: the price cache never asks IG for them.
                    let coverage = try await harness.store.coverage(key)
                    #expect(coverage.totalSeconds >= Int64(bars.count))
                }
            }
        }
    }

    /// Records EURUSD ticks, injects a fault once a few ticks are stored, waits for recording to resume, and checks
    /// the gaps recorded: `expectedGaps` rows, each from the last tick stored before to the first after.
    ///
    /// A fault that always ends the connection (`reconnects`) is awaited by the client's new connection. A stall is
    /// awaited by its length instead: on a loaded machine the client may only see the silence after the stall ended,
    /// and then goes on in the same connection, which is as lossless.
    static func fault(
        expectedGaps: Int, reconnects: Bool = true, settle: Duration = .zero,
        _ inject: @escaping @Sendable (IGSimulator) async -> Void
    ) async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(.sqlite) { store in
                let options = RecorderOptions(epics: [eurusd], ticks: true)
                try await withRecorder(simulator: simulator, url: url, store: store, options: options) { harness in
                    try await harness.wait { harness.recorder.statistics.ticksWritten >= 5 }
                    let before = harness.recorder.statistics.ticksWritten
                    let sessions = harness.streaming.statistics.sessionsEstablished
                    let connections = harness.streaming.statistics.connectionsOpened
                    await inject(simulator)
                    // Resumed: the client opened a new connection (or the stall is over), and later ticks are stored.
                    if reconnects {
                        try await harness.wait { harness.streaming.statistics.connectionsOpened > connections }
                    }
                    try await Task.sleep(for: settle)
                    try await harness.wait { harness.recorder.statistics.ticksWritten >= before + 10 }
                    if expectedGaps > 0 {
                        #expect(harness.streaming.statistics.sessionsEstablished > sessions)
                    }
                } after: { harness in
                    try await Self.expectFaultGaps(harness, expectedGaps: expectedGaps)
                }
            }
        }
    }

    /// The gaps a fault left: `expectedGaps` `session` rows, each from the last tick stored before the fault to the
    /// first one after it, and every tick the observer saw outside them stored once.
    ///
    /// A function of its own, not the `after:` closure: inside a closure, Swift 6.3.1 gave the `filter` closure below
    /// the symbol of the `allSatisfy` closure in the `#expect` above it (same discriminator, same type), so the filter
    /// ran the other closure's body and kept `conflated` gaps. `.ci/closure-collisions.py` finds such pairs.
    static func expectFaultGaps(_ harness: RecorderHarness, expectedGaps: Int) async throws {
        // A `conflated` gap says the test's reader lagged behind the ticks (latest value wins) on a loaded
        // machine: recorded honestly, and not what the fault did. The fault's gaps are `session` ones.
        let all = try await harness.store.gaps(environment: harness.environment)
        #expect(all.allSatisfy { $0.reason == "session" || $0.reason == "conflated" }, "\(all)")
        let gaps = all.filter { $0.reason == "session" }
        #expect(gaps.count == expectedGaps, "session gaps: \(gaps); all gaps: \(all)")
        let stored = try await harness.storedTicks()
        for gap in gaps {
            // The gap runs from the last tick stored before the fault to the first one after it.
            #expect(stored.contains { $0.time == gap.start })
            #expect(stored.contains { $0.time == gap.end })
            #expect(!stored.contains { $0.time > gap.start && $0.time < gap.end })
            #expect(stored.contains { $0.time > gap.end }, "recording resumed")
        }
        try await Self.expectSameTicks(harness)
    }

    @Test("END 48 (a new session): exactly one gap row covering the lost interval; recording resumes")
    func end48() async throws {
        try await Self.fault(expectedGaps: 1) { await $0.injectStreamingFault(.end(code: 48)) }
    }

    @Test("invalidated tokens (a new session with a new login): exactly one gap row; recording resumes")
    func invalidatedTokens() async throws {
        try await Self.fault(expectedGaps: 1) { simulator in
            await simulator.invalidateAllSessions()
            await simulator.injectStreamingFault(.end(code: 48))
        }
    }

    @Test("a dropped connection is recovered in the same session: no update lost, no gap")
    func drop() async throws {
        try await Self.fault(expectedGaps: 0) { await $0.injectStreamingFault(.drop) }
    }

    @Test("a stall is recovered in the same session: no update lost, no gap")
    func stall() async throws {
        try await Self.fault(expectedGaps: 0, reconnects: false, settle: .seconds(3)) {
            await $0.injectStreamingFault(.stall(.seconds(2)))
        }
    }

    @Test("a restart resumes: one restart gap from the last stored tick to the first new one, no duplicate")
    func restart() async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(.sqlite) { store in
                let options = RecorderOptions(epics: [eurusd], ticks: true)
                var environment = ""
                for _ in 0..<2 {
                    environment = try await withRecorder(
                        simulator: simulator, url: url, store: store, options: options
                    ) { harness in
                        try await harness.wait { harness.recorder.statistics.ticksWritten >= 8 }
                        return harness.environment
                    }
                }
                // On a loaded machine the stream may also stall past the client's grace within a run, which is a gap
                // of its own (another reason); the restart leaves exactly one.
                let gaps = try await store.gaps(environment: environment).filter { $0.reason == "restart" }
                #expect(gaps.count == 1)
                let stored = try await store.ticks(
                    eurusd, environment: environment, from: .distantPast, to: .distantFuture)
                #expect(stored.count >= 16)
                #expect(Set(stored.map(TickValues.init)).count == stored.count)
                if let gap = gaps.first {
                    #expect(!stored.contains { $0.time > gap.start && $0.time < gap.end })
                    #expect(stored.contains { $0.time == gap.start } && stored.contains { $0.time == gap.end })
                }
            }
        }
    }
}

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL).
@Suite("Recorders sharing PostgreSQL", .enabled(if: PostgresTesting.available), .timeLimit(.minutes(2)))
struct SharedPostgresRecorderTests {
    @Test("two recorders (two sessions) with overlapping epics on one database leave no duplicate")
    func overlapping() async throws {
        let gbpusd = Epic(rawValue: "CS.D.GBPUSD.TODAY.IP")
        let ftse = Epic(rawValue: "IX.D.FTSE.DAILY.IP")
        try await withRecorderSimulator { simulator, url in
            try await withPostgresDatabase { database in
                try await withOpenStore(database) { first in
                    try await withOpenStore(database) { second in
                        let environment = try await withThrowingTaskGroup(of: String.self) { group in
                            group.addTask {
                                try await withRecorder(
                                    simulator: simulator, url: url, store: first,
                                    options: RecorderOptions(epics: [eurusd, gbpusd], candles: [.second])
                                ) { harness in
                                    try await harness.wait { harness.recorder.statistics.ticksWritten >= 40 }
                                    return harness.environment
                                }
                            }
                            group.addTask {
                                try await withRecorder(
                                    simulator: simulator, url: url, store: second,
                                    options: RecorderOptions(epics: [gbpusd, ftse], candles: [.second])
                                ) { harness in
                                    try await harness.wait { harness.recorder.statistics.ticksWritten >= 40 }
                                    return harness.environment
                                }
                            }
                            var environment = ""
                            for try await name in group { environment = name }
                            return environment
                        }
                        let shared = try await first.ticks(
                            gbpusd, environment: environment, from: .distantPast, to: .distantFuture)
                        #expect(shared.count >= 20)
                        #expect(Set(shared.map(TickValues.init)).count == shared.count, "a tick stored twice")
                        // Ticks come 200 ms apart (5 a second); the same tick stored by the other recorder at another
                        // time would sit closer to its twin.
                        let close = zip(shared, shared.dropFirst()).filter { $1.time - $0.time < 200 }
                        #expect(close.isEmpty, "\(close.count) ticks closer than the feed's spacing")
                        let key = SeriesKey(environment: environment, epic: gbpusd, resolution: .second)
                        let bars = try await first.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
                        #expect(Set(bars.map(\.time)).count == bars.count)
                        #expect(!bars.isEmpty)
                    }
                }
            }
        }
    }
}

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL). A query on a connection the server
// terminated may never answer; the store's per-operation deadline turns that into a connection error.
@Suite(
    "Recorder when the store fails", .enabled(if: PostgresTesting.available),
    .timeLimit(.minutes(2)))
struct RecorderStoreFailureTests {
    @Test("the store's connection killed mid-recording: the recorder stops with a clear store error, after retries")
    func connectionLost() async throws {
        try await withRecorderSimulator { simulator, url in
            try await withPostgresDatabase { database in
                let base = try #require(PostgresTesting.url.flatMap { try? PostgresURL(parsing: $0) })
                let name = try #require(database.split(separator: "/").last.map(String.init))
                // The test waits out this deadline once (the write on the terminated connection does not answer):
                // 20 s as in TeamSyncTests' connectionLostMidSync instead of the default 30 s, still far above what a
                // write takes in a loaded test run.
                try await withOpenStore(database + "?query_timeout=20") { store in
                    try await IGClient.withClient(simulatorAt: url) { client in
                        let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration())
                        let recorder = MarketDataRecorder(
                            streaming: streaming, store: store,
                            options: RecorderOptions(epics: [eurusd], writeAttempts: 3))
                        let recording = Task { try await recorder.run() }
                        while recorder.statistics.ticksWritten < 5 { try await Task.sleep(for: .milliseconds(20)) }
                        try await runSQL(
                            base,
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
                        let outcome = await recording.result
                        guard case .failure(let error) = outcome, let recorderError = error as? RecorderError,
                            recorderError.code == .store, let storeError = recorderError.storeError
                        else {
                            Issue.record("expected a store error, got \(outcome)")
                            return
                        }
                        #expect(storeError.code == .connection)
                        #expect(storeError.hint != nil)
                        #expect(recorderError.description.contains("recorded as a gap"))
                        #expect(recorder.statistics.writeRetries >= 3)
                        _ = simulator
                    }
                }
            }
        }
    }
}
