// sample-backtest: a moving-average crossover backtested through IG's own APIs.
//
// Records a month of MINUTE bars of one market from a simulator with another seed into a market-data store (a
// temporary SQLite file), then replays them in a stepped simulator. The strategy only talks IG: one-minute candles
// from Lightstreamer (IGStreamingClient), deals over REST (IGClient). After each minute it moves the clock; the
// step returns once the new candle is on its way, so every run gives the same trades. Ends with the run report.
//
// Environment: BACKTEST_EPIC (default CS.D.EURUSD.TODAY.IP), BACKTEST_DAYS (default 31, from 2025-03-01),
// BACKTEST_FAST / BACKTEST_SLOW (moving averages, default 10 / 30 bars), BACKTEST_SEED (recorder seed, default 7),
// BACKTEST_CANDLE_TIMEOUT (seconds of wall time a minute may take before the run gives up, default 30).

import Foundation
import IGMarketData
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

let environment = ProcessInfo.processInfo.environment
let epic = Epic(rawValue: environment["BACKTEST_EPIC"] ?? "CS.D.EURUSD.TODAY.IP")
let days = Int(environment["BACKTEST_DAYS"] ?? "") ?? 31
let fastLength = Int(environment["BACKTEST_FAST"] ?? "") ?? 10
let slowLength = Int(environment["BACKTEST_SLOW"] ?? "") ?? 30
let recorderSeed = UInt64(environment["BACKTEST_SEED"] ?? "") ?? 7
let start = Date(timeIntervalSince1970: 1_740_787_200)  // 2025-03-01T00:00:00Z
let end = start.addingTimeInterval(TimeInterval(days) * 86_400)
let began = ContinuousClock.now

// 1. The recording: MINUTE bars of a simulator with another seed, committed to an SQLite store.
let directory = NSTemporaryDirectory() + "sample-backtest-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
let store = try await MarketDataStore.open(.sqlite(path: directory + "/recording.sqlite"))
guard let instrument = Catalog(now: start).instrument(epic: epic.rawValue) else {
    print("Unknown epic \(epic)")
    exit(1)
}
let recorder = PriceEngine(seed: recorderSeed)
let recorded = recorder.bars(
    for: instrument.priceProfile, resolution: .minute, from: start, to: end.addingTimeInterval(-60), now: end)
func decimal(_ value: Double) -> Decimal { Decimal(string: String(value)) ?? 0 }
let rows = recorded.map { bar in
    PriceTable.Row(
        time: bar.start,
        bid: .init(
            open: decimal(bar.open.bid), high: decimal(bar.high.bid), low: decimal(bar.low.bid),
            close: decimal(bar.close.bid)),
        ask: .init(
            open: decimal(bar.open.ask), high: decimal(bar.high.ask), low: decimal(bar.low.ask),
            close: decimal(bar.close.ask)),
        lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: Decimal(bar.volume))
}
try await store.commit(
    FetchedBars(
        key: SeriesKey(environment: "seed-\(recorderSeed)", epic: epic, resolution: .minute), rows: rows,
        covered: TimeRange(from: start, to: end)))
let replay = try await PriceReplay.load(from: store)
await store.close()
print("Recorded \(rows.count) MINUTE bars of \(epic) (seed \(recorderSeed)), \(days) days from 2025-03-01")

// 2. A stepped simulator replaying the recording.
var configuration = SimulatorConfiguration(port: 0)
configuration.clock = .stepped(start: start)
configuration.replay = replay
configuration.allowances = .unlimited
let simulator = try IGSimulator(configuration: configuration)
let url = try await simulator.start()
let client = try IGClient(
    configuration: IGClient.Configuration(environment: .custom(url)),
    credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
let streaming = IGStreamingClient(client: client)
let candles = streaming.candles([epic], scale: .oneMinute, buffering: .unbounded)
let streamTask = Task { try await streaming.run() }

// Every wait is bounded: a minute whose candle (and deal) does not come within `candleTimeout` of wall time ends the
// run with a clear message rather than a hang.
let candleTimeout = Duration.seconds(Int(environment["BACKTEST_CANDLE_TIMEOUT"] ?? "") ?? 30)
/// The minute whose candle (and deal) the strategy waits for, and since when (nil while it does not wait).
let awaited = Mutex<(minute: Date, since: ContinuousClock.Instant)?>(nil)
let watchdog = Task {
    while !Task.isCancelled {
        try await Task.sleep(for: .seconds(1))
        guard let (minute, since) = awaited.withLock({ $0 }), ContinuousClock.now - since > candleTimeout else {
            continue
        }
        print(
            "The minute of \(minute.formatted(.iso8601)) was not done within \(candleTimeout) (simulator time "
                + "\(simulator.now.formatted(.iso8601))): no candle came or the deal got no answer; giving up")
        exit(1)
    }
}

// 3. The strategy: long when the fast average of closes is above the slow one, short when below.
/// Runs the crossover until the end of the recording; returns the steps, candles used and deals.
func crossover() async throws -> (steps: Int, candles: Int, deals: Int) {
    var closes = [Decimal]()
    var position = 0  // +1 long, -1 short
    var deals = 0
    var steps = 0
    var iterator = candles.makeAsyncIterator()
    var lastMinute = Date.distantPast
    // The subscription's snapshot: the stream is connected (and its login used) before the clock moves.
    _ = try await iterator.next()
    func average(_ count: Int) -> Decimal {
        closes.suffix(count).reduce(0, +) / Decimal(count)
    }
    while simulator.now < end {
        try await simulator.advanceClock(by: .seconds(60))
        steps += 1
        if steps % 1440 == 0 {
            FileHandle.standardError.write(Data("day \(steps / 1440): \(deals) deals so far\n".utf8))
        }
        // The candle of the minute that just closed. (The sample knows its recording: a minute without a bar, a gap
        // or a weekend, brings no candle to wait for.)
        let closedMinute = simulator.now.addingTimeInterval(-60)
        guard
            !simulator.priceEngine.bars(
                for: instrument.priceProfile, resolution: .minute, from: closedMinute, to: closedMinute,
                now: simulator.now
            ).isEmpty
        else { continue }
        var closed: IGCandle?
        awaited.withLock { $0 = (closedMinute, ContinuousClock.now) }
        defer { awaited.withLock { $0 = nil } }
        while closed == nil {
            guard let event = try await iterator.next() else {
                let outcome = await streamTask.result
                print("The candle stream ended: \(outcome)")
                exit(1)
            }
            guard case .update(let candle) = event, let time = candle.time, time > lastMinute else { continue }
            if time >= closedMinute { closed = candle }
        }
        guard let candle = closed, let close = candle.bid.close, let time = candle.time else { continue }
        lastMinute = time
        closes.append(close)
        guard closes.count >= slowLength else { continue }
        let wanted = average(fastLength) > average(slowLength) ? 1 : -1
        guard wanted != position else { continue }
        let size = Decimal(position == 0 ? 1 : 2)
        let order = PositionOrder(epic: epic, direction: wanted > 0 ? .buy : .sell, size: size, forceOpen: false)
        let confirmation = try await client.dealing.open(order)

        guard confirmation.dealStatus == .accepted else {
            print("Rejected at \(time): \(confirmation.reason.map { "\($0)" } ?? "-")")
            continue
        }
        position = wanted
        deals += 1
    }
    return (steps, closes.count, deals)
}
let (steps, used, deals) = try await crossover()
watchdog.cancel()
streaming.shutdown()
streamTask.cancel()

// 4. The report.
guard let report = await simulator.report() else { exit(1) }
try await simulator.shutdown()
let elapsed = ContinuousClock.now - began
print("Steps: \(steps), candles used: \(used), deals: \(deals), closed trades: \(report.trades.count)")
print(
    "Trading P&L \(report.tradingProfitLoss) \(report.currency), funding \(report.fundingFees), "
        + "open P&L \(report.openProfitLoss), net \(report.netProfitLoss), "
        + "max drawdown \(report.maximumDrawdown), time in market \(Int(report.timeInMarket * 100)) %")
print("Elapsed: \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated)))")
