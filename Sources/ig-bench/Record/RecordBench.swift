import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// `ig-bench record`: the recorder on many epics for minutes while the simulator injects a streaming fault every
/// `faultSeconds`.
///
/// The simulator runs in this process (so the RSS figures include it). The report compares what the client received
/// with what the store holds (ticks received = ticks stored + repeats skipped), the faults that replaced the
/// Lightstreamer session with the gap rows recorded (one per stream per new session), the sustained ticks per second,
/// and the process's resident memory after the warm-up, at its peak and at the end.
struct RecordBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "The stream recorder on many epics for minutes under injected faults: rows, gaps, memory.")

    @Option(help: "Wall-clock minutes to run (after the warm-up).") var minutes: Double = 10
    @Option(help: "Epics recorded (the first of the simulator's catalog, which has 61).") var epics: Int = 200
    @Option(help: "Seconds between injected streaming faults.") var faultSeconds: Double = 20
    @Option(help: "Ticks per second per epic sent by the simulator.") var updatesPerSecond: Double = 5
    @Option(help: "Seconds of warm-up before the first sample.") var warmupSeconds: Double = 20
    @Option(help: "The store (default: a new SQLite file in a temporary directory).") var store: String?
    @Flag(help: "Also record 1MINUTE candles.") var candles = false

    func run() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        configuration.allowances = .unlimited
        configuration.streaming.keepalive = .seconds(1)
        configuration.streaming.updatesPerSecond = updatesPerSecond
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let catalog = Catalog().instruments.map { Epic(rawValue: $0.epic) }
        let markets = Array(catalog.prefix(epics))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ig-bench-record-\(UUID())")
        let location = try StoreLocation(parsing: store ?? directory.appendingPathComponent("record.sqlite").path)
        let marketStore = try await MarketDataStore.open(location)
        let client = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(url)),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        var streamingConfiguration = IGStreamingClient.Configuration()
        streamingConfiguration.lightstreamer.session.stalledGrace = .milliseconds(500)
        streamingConfiguration.lightstreamer.session.reconnectTimeout = .milliseconds(500)
        streamingConfiguration.lightstreamer.session.retryDelay = .milliseconds(500)
        let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration)
        let options = RecorderOptions(epics: markets, ticks: true, candles: candles ? [.oneMinute] : [])
        let recorder = MarketDataRecorder(streaming: streaming, store: marketStore, options: options)
        say(
            "record: \(markets.count) epics (\(options.streamKeys.count) streams; the catalog has \(catalog.count)), "
                + "\(updatesPerSecond) ticks/s each, a fault every \(faultSeconds) s, \(minutes) min after "
                + "\(warmupSeconds) s warm-up, store \(location)")

        let clock = ContinuousClock()
        let started = clock.now
        let end = started + .milliseconds(Int64((warmupSeconds + minutes * 60) * 1000))
        let recording = Task { try await recorder.run() }
        let faults = Mutex<[String: Int]>([:])
        var gauges: [ProcessGauge] = []
        let injector = Task {
            try await Task.sleep(for: .milliseconds(Int64(warmupSeconds * 1000)))
            while clock.now < end {
                try await Task.sleep(for: .milliseconds(Int64(faultSeconds * 1000)))
                guard clock.now < end else { break }
                let fault = await simulator.injectRandomStreamingFault()
                faults.withLock { $0["\(fault)", default: 0] += 1 }
            }
        }
        try await Task.sleep(for: .milliseconds(Int64(warmupSeconds * 1000)))
        let warm = recorder.statistics
        let warmAt = clock.now
        gauges.append(ProcessGauge.read())
        while clock.now < end {
            try await Task.sleep(until: min(clock.now + .seconds(60), end))
            let gauge = ProcessGauge.read()
            gauges.append(gauge)
            let statistics = recorder.statistics
            say(
                "record: \(statistics.ticksWritten) ticks, \(statistics.candlesWritten) candles, "
                    + "\(statistics.gapsWritten) gaps written, \(statistics.pendingRows) pending | \(gauge)")
        }
        let measured = recorder.statistics
        let seconds = (clock.now - warmAt) / .seconds(1)
        injector.cancel()
        recording.cancel()
        let outcome = await recording.result
        let final = recorder.statistics
        let lightstreamer = streaming.statistics
        try await client.shutdown()
        try await simulator.shutdown()

        // What the store holds.
        var storedTicks = 0
        for epic in markets {
            storedTicks += try await marketStore.ticks(
                epic, environment: recorder.environment, from: .distantPast, to: .distantFuture
            ).count
        }
        let gaps = try await marketStore.gaps(environment: recorder.environment)
        await marketStore.close()
        if store == nil { try? FileManager.default.removeItem(at: directory) }
        if case .failure(let error) = outcome { say("record: the recorder failed: \(error)") }

        let byReason = Dictionary(grouping: gaps, by: \.reason).mapValues(\.count)
        let sessionGaps = byReason["session"] ?? 0
        let newSessions = lightstreamer.sessionsEstablished - 1
        let injected = faults.withLock { $0 }
        say("record: faults injected \(injected.values.reduce(0, +)) \(injected.sorted { $0.key < $1.key })")
        say(
            "record: Lightstreamer sessions established \(lightstreamer.sessionsEstablished), recoveries "
                + "\(lightstreamer.recoveries), rebinds \(lightstreamer.rebinds), gaps delivered \(lightstreamer.gaps), "
                + "updates delivered \(lightstreamer.updates)")
        say(
            "record: tick updates received \(final.tickUpdates) = stored \(storedTicks) + repeats skipped "
                + "\(final.tickDuplicates)? \(final.tickUpdates == storedTicks + final.tickDuplicates ? "yes" : "NO")"
                + " (written per the recorder \(final.ticksWritten))")
        say(
            "record: gaps that happened (new sessions × streams) \(newSessions * options.streamKeys.count), "
                + "session gap rows recorded \(sessionGaps); all gap rows \(gaps.count) by reason "
                + "\(byReason.sorted { $0.key < $1.key }); gaps opened \(final.gapsOpened)")
        let ticksPerSecond = Double(measured.ticksWritten - warm.ticksWritten) / max(seconds, 1)
        let peak = gauges.map(\.residentMegabytes).max() ?? 0
        if let first = gauges.first, let last = gauges.last {
            say(
                String(
                    format:
                        "record: sustained %.0f ticks/s stored; RSS after warm-up %.1f MB, peak %.1f MB, end %.1f MB "
                        + "(growth %+.1f MB); fds %d → %d",
                    ticksPerSecond, first.residentMegabytes, peak, last.residentMegabytes,
                    last.residentMegabytes - first.residentMegabytes, first.fileDescriptors, last.fileDescriptors))
        }
        say(
            "RESULT record epics=\(markets.count) minutes=\(minutes) ticks_received=\(final.tickUpdates) "
                + "ticks_stored=\(storedTicks) repeats=\(final.tickDuplicates) session_gaps_expected="
                + "\(newSessions * options.streamKeys.count) session_gaps_recorded=\(sessionGaps) "
                + String(format: "ticks_per_s=%.0f rss_peak_mb=%.1f", ticksPerSecond, peak))
    }

    /// Prints a line at once (also when standard output is a file), so progress shows during the run.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
