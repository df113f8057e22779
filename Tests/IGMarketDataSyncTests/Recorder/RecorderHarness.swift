import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization
import Testing

/// What a plain, lossless subscription beside the recorder saw (same Lightstreamer session, so the same updates).
final class StreamObserver: Sendable {
    let ticks = Mutex<[IGChartTick]>([])
    let candles = Mutex<[IGCandle]>([])

    var tickValues: [IGChartTick] { ticks.withLock { $0 } }
    var completeCandles: [IGCandle] { candles.withLock { $0.filter(\.isComplete) } }
}

/// A simulator (keepalive 1 s, 5 ticks/s per item), a streaming client with quick reconnection, a store, a recorder
/// running on them and an observer subscription on the same client.
struct RecorderHarness: Sendable {
    let simulator: IGSimulator
    let client: IGClient
    let streaming: IGStreamingClient
    let store: MarketDataStore
    let recorder: MarketDataRecorder
    let observer: StreamObserver

    var environment: String { recorder.environment }

    /// Waits until `condition` holds (the suite's time limit bounds the wait).
    func wait(_ condition: () async throws -> Bool) async throws {
        while try await !condition() { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// Ticks stored for `epic`.
    func storedTicks(_ epic: Epic = eurusd) async throws -> [RecordedTick] {
        try await store.ticks(epic, environment: environment, from: .distantPast, to: .distantFuture)
    }
}

func streamingConfiguration() -> IGStreamingClient.Configuration {
    var configuration = IGStreamingClient.Configuration(transport: .webSocket)
    configuration.lightstreamer.session.stalledGrace = .milliseconds(500)
    configuration.lightstreamer.session.reconnectTimeout = .milliseconds(500)
    configuration.lightstreamer.session.retryDelay = .milliseconds(500)
    return configuration
}

func recorderSimulator(_ configuration: inout SimulatorConfiguration) {
    configuration.streaming.keepalive = .seconds(1)
    configuration.streaming.updatesPerSecond = 5
}

/// Runs a recorder of `options` against a running simulator and `store` while `body` runs, then stops it (cancel:
/// it flushes and returns), runs `after` on the stopped recorder and gives `body`'s result.
func withRecorder<T: Sendable>(
    simulator: IGSimulator, url: URL, store: MarketDataStore, options: RecorderOptions,
    _ body: @escaping @Sendable (RecorderHarness) async throws -> T,
    after: (RecorderHarness) async throws -> Void = { _ in }
) async throws -> T {
    try await IGClient.withClient(simulatorAt: url) { client in
        let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration())
        let recorder = MarketDataRecorder(streaming: streaming, store: store, options: options)
        let observer = StreamObserver()
        let ticks = streaming.chartTicks(options.epics, buffering: .unbounded)
        let candles = options.candles.map { streaming.candles(options.epics, scale: $0, buffering: .unbounded) }
        let harness = RecorderHarness(
            simulator: simulator, client: client, streaming: streaming, store: store, recorder: recorder,
            observer: observer)
        let recording = Task { try await recorder.run() }
        let watching = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await event in ticks {
                        if case .update(let tick) = event { observer.ticks.withLock { $0.append(tick) } }
                    }
                }
                for subscription in candles {
                    group.addTask {
                        for try await event in subscription {
                            if case .update(let candle) = event { observer.candles.withLock { $0.append(candle) } }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        do {
            let result = try await body(harness)
            recording.cancel()
            try await recording.value
            watching.cancel()
            _ = try? await watching.value
            try await after(harness)
            return result
        } catch {
            recording.cancel()
            _ = try? await recording.value
            watching.cancel()
            _ = try? await watching.value
            throw error
        }
    }
}

/// Runs a simulator for recorder tests.
func withRecorderSimulator<T>(_ body: (IGSimulator, URL) async throws -> T) async throws -> T {
    try await withSimulator(recorderSimulator, body)
}

/// The values of a tick (its time included) for comparisons.
struct TickValues: Hashable {
    var time: Int64
    var bid: Decimal?
    var offer: Decimal?
    var last: Decimal?
    var lastVolume: Decimal?
    var totalVolume: Decimal?

    init(_ tick: RecordedTick) {
        (time, bid, offer, last, lastVolume, totalVolume) = (
            tick.time, tick.bid, tick.offer, tick.lastTradedPrice, tick.lastTradedVolume, tick.totalVolume
        )
    }

    init?(_ tick: IGChartTick) {
        guard let date = tick.time else { return nil }
        (time, bid, offer, last, lastVolume, totalVolume) = (
            RecordingTime.millis(date), tick.bid, tick.offer, tick.lastTradedPrice, tick.lastTradedVolume,
            tick.incrementalVolume
        )
    }
}
