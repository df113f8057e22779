import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// `ig-bench backtest`: the simulator as a backtesting venue, three figures from one run.
///
/// 1. Replay streaming: MINUTE bars of `epics` markets (recorded from a simulator with another seed) replayed by a
///    stepped simulator and streamed as `CHART:{epic}:1MINUTE` to one `IGStreamingClient`, the clock stepped a
///    minute at a time as fast as it goes; every completed candle is counted against the bars replayed.
/// 2. The Swift sample backtest (`sample-backtest`, a process of its own) over the same span, end to end through
///    REST and Lightstreamer.
/// 3. For scale: the same crossover in backtrader (in-process, no API) on the same bars, when a Python with
///    backtrader is given.
struct BacktestBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Replay streaming (a month of MINUTE bars), the Swift sample backtest, backtrader for scale.")

    @Option(help: "Days of MINUTE bars from 2025-03-01.") var days: Int = 31
    @Option(help: "Markets streamed in the replay-streaming part.") var epics: Int = 10
    @Option(help: "Seed of the simulator the bars are recorded from.") var seed: UInt64 = 7
    @Option(help: "The sample-backtest executable (default: next to ig-bench; 'none' skips it).") var sample: String?
    @Option(help: "A Python with backtrader installed (skipped when not given).") var python: String?

    static let start = Date(timeIntervalSince1970: 1_740_787_200)  // 2025-03-01T00:00:00Z
    static let sampleEpic = "CS.D.EURUSD.TODAY.IP"

    func run() async throws {
        let end = Self.start.addingTimeInterval(TimeInterval(days) * 86_400)
        try await streamReplay(end: end)
        try runSample()
        try runBacktrader(end: end)
    }

    /// The bars a simulator with `seed` shows for `epic` in `[start, end)`.
    func recordedBars(_ epic: String, end: Date) -> [ReplayBar] {
        guard let instrument = Catalog(now: Self.start).instrument(epic: epic) else { return [] }
        let bars = PriceEngine(seed: seed).bars(
            for: instrument.priceProfile, resolution: .minute, from: Self.start, to: end.addingTimeInterval(-60),
            now: end)
        return bars.map {
            ReplayBar(
                start: $0.start, open: $0.open.bid, high: $0.high.bid, low: $0.low.bid, close: $0.close.bid,
                spread: $0.close.ask - $0.close.bid, volume: $0.volume)
        }
    }

    func streamReplay(end: Date) async throws {
        let catalog = Catalog(now: Self.start)
        let chosen = Array(
            catalog.instruments.filter { $0.hasPriceHistory && $0.epic.hasPrefix("CS.D.") && $0.expiry == "DFB" }
                .map(\.epic).prefix(epics))
        var bars = [String: [ReplayBar]]()
        for epic in chosen { bars[epic] = recordedBars(epic, end: end) }
        let expected = bars.values.reduce(0) { $0 + $1.count }
        let replay = try PriceReplay(bars: bars, resolution: .minute, catalog: catalog)
        var configuration = SimulatorConfiguration(port: 0)
        configuration.clock = .stepped(start: Self.start)
        configuration.replay = replay
        configuration.allowances = .unlimited
        configuration.freshAccounts = true
        configuration.accessTokenLifetime = .seconds(86_400 * 400)
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(url)),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        let streaming = IGStreamingClient(client: client)
        let candles = streaming.candles(chosen.map { Epic(rawValue: $0) }, scale: .oneMinute, buffering: .unbounded)
        let streamTask = Task { try await streaming.run() }
        let counts = Mutex((updates: 0, completed: 0, snapshots: 0))
        let reader = Task {
            for try await event in candles {
                guard case .update(let candle) = event else { continue }
                counts.withLock {
                    $0.updates += 1
                    if candle.isSnapshot { $0.snapshots += 1 } else if candle.isComplete { $0.completed += 1 }
                }
            }
        }
        while counts.withLock({ $0.snapshots }) < chosen.count { try await Task.sleep(for: .milliseconds(10)) }
        say("backtest: streaming \(expected) MINUTE bars of \(chosen.count) epics over \(days) days, stepped 60 s")
        let clock = ContinuousClock()
        let began = clock.now
        var steps = 0
        while simulator.now < end.addingTimeInterval(60) {
            try await simulator.advanceClock(by: .seconds(60))
            steps += 1
        }
        var waited = 0
        while counts.withLock({ $0.completed }) < expected, waited < 3000 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        let seconds = (clock.now - began) / .seconds(1)
        let final = counts.withLock { $0 }
        reader.cancel()
        streaming.shutdown()
        streamTask.cancel()
        try await client.shutdown()
        try await simulator.shutdown()
        let rates = String(
            format: "seconds=%.1f updates_per_s=%.0f bars_per_s=%.0f", seconds,
            Double(final.updates) / max(seconds, 1e-9), Double(final.completed) / max(seconds, 1e-9))
        say(
            "RESULT backtest-stream epics=\(chosen.count) days=\(days) steps=\(steps) bars=\(expected) "
                + "completed_candles=\(final.completed) all_delivered=\(final.completed == expected ? "yes" : "NO") "
                + "updates=\(final.updates) \(rates)")
    }

    func runSample() throws {
        let path =
            sample
            ?? Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("sample-backtest").path
        guard let path, path != "none", FileManager.default.isExecutableFile(atPath: path) else {
            say("backtest: no sample-backtest executable (build it: swift build --product sample-backtest)")
            return
        }
        var environment = ProcessInfo.processInfo.environment
        environment["BACKTEST_DAYS"] = String(days)
        environment["BACKTEST_SEED"] = String(seed)
        environment["BACKTEST_EPIC"] = Self.sampleEpic
        let (output, seconds) = try Self.launch(path, arguments: [], environment: environment)
        let lines = output.split(separator: "\n").suffix(3).joined(separator: " | ")
        say("RESULT backtest-swift-sample days=\(days) \(String(format: "seconds=%.1f", seconds)) output: \(lines)")
    }

    func runBacktrader(end: Date) throws {
        guard let python else {
            say("backtest: backtrader skipped (give --python PATH of a Python with backtrader)")
            return
        }
        let bars = recordedBars(Self.sampleEpic, end: end)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ig-bench-backtrader-\(UUID()).csv")
        var csv = "datetime,open,high,low,close,volume\n"
        let format = Date.ISO8601FormatStyle()
        for bar in bars {
            csv += "\(bar.start.formatted(format)),\(bar.open),\(bar.high),\(bar.low),\(bar.close),\(bar.volume)\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Benchmarks/backtrader_crossover.py"
            ).path
        let (output, seconds) = try Self.launch(
            python, arguments: [script, file.path], environment: ProcessInfo.processInfo.environment)
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        say(
            "RESULT backtest-backtrader bars=\(bars.count) \(String(format: "seconds=%.1f", seconds)) (the process, "
                + "Python start and CSV load included) output: \(last)")
    }

    /// Runs a process to its end; its standard output and the wall time it took.
    static func launch(
        _ path: String, arguments: [String], environment: [String: String]
    ) throws -> (String, Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        let began = ContinuousClock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - began) / .seconds(1)
        return (String(decoding: data, as: UTF8.self), seconds)
    }

    /// Prints a line at once (also when standard output is a file), so progress shows during the run.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
