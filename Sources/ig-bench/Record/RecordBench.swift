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
/// The simulator runs in this process (so the RSS figures include it). The report compares what the server published
/// (its ledger of `CHART:{epic}:TICK` updates) with what the store holds, outside and inside the recorded gaps
/// (``RecordAudit``); the Lightstreamer sessions the server had to create after the first with the `session` gap rows
/// recorded (one per stream per new session); the sustained rate of ticks stored; and the process's resident memory
/// after the warm-up, at its peak and at the end. It exits with a failure when the two sides disagree.
struct RecordBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "The stream recorder on many epics for minutes under injected faults: rows, gaps, memory.")

    @Option(help: "Wall-clock minutes to run (after the warm-up).") var minutes: Double = 10
    @Option(help: "Epics recorded (the first of the simulator's catalog).") var epics: Int = 200
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
        await simulator.setPublishedTickLedger(true)
        let recording = Task { try await recorder.run() }
        let faults = Mutex<[String: Int]>([:])
        var gauges: [ProcessGauge] = []
        // No fault in the last 10 s, so that the gap of the last one is closed (and written) before the end.
        let lastFault = end - .seconds(10)
        let injector = Task {
            try await Task.sleep(for: .milliseconds(Int64(warmupSeconds * 1000)))
            while clock.now < lastFault {
                try await Task.sleep(for: .milliseconds(Int64(faultSeconds * 1000)))
                guard clock.now < lastFault else { break }
                let fault = await simulator.injectRandomStreamingFault()
                faults.withLock { $0["\(fault)", default: 0] += 1 }
            }
        }
        var audit = RecordAudit()
        /// Takes the server's ledger and audits the windows older than a minute (a gap is closed by then).
        func auditOlderWindows() async throws {
            audit.add(await simulator.takePublishedTicks())
            let cutoff = (RecordingTime.millis(Date()) / 1000 - 60) * 1000
            if cutoff > (audit.auditedUpTo ?? Int64.min) {
                try await audit.audit(
                    epics: markets, store: marketStore, environment: recorder.environment, upTo: cutoff)
            }
        }
        try await Task.sleep(for: .milliseconds(Int64(warmupSeconds * 1000)))
        let warmAt = clock.now
        let warmMillis = RecordingTime.millis(Date())
        audit.measurement = warmMillis...Int64.max
        gauges.append(ProcessGauge.read())
        var lastSample = clock.now
        while clock.now < end {
            try await Task.sleep(until: min(clock.now + .seconds(10), end))
            try await auditOlderWindows()
            guard clock.now - lastSample >= .seconds(60) || clock.now >= end else { continue }
            lastSample = clock.now
            let gauge = ProcessGauge.read()
            gauges.append(gauge)
            let statistics = recorder.statistics
            say(
                "record: \(statistics.ticksWritten) ticks, \(statistics.candlesWritten) candles, "
                    + "\(statistics.gapsWritten) gaps written, \(statistics.pendingRows) pending (recorder's counts); "
                    + "audited: \(audit.published) published, \(audit.stored) stored, \(audit.missing) missing | \(gauge)"
            )
        }
        let seconds = (clock.now - warmAt) / .seconds(1)
        audit.measurement = warmMillis...RecordingTime.millis(Date())
        injector.cancel()
        recording.cancel()
        let outcome = await recording.result
        let final = recorder.statistics
        let lightstreamer = streaming.statistics
        try await client.shutdown()
        audit.add(await simulator.takePublishedTicks())
        let sessionsCreated = await simulator.streamingSessionsCreated()
        try await simulator.shutdown()
        var recorderFailed = false
        if case .failure(let error) = outcome {
            recorderFailed = true
            say("record: the recorder failed: \(error)")
        }

        // The rest of the recording, up to each epic's last stored tick, and the gaps in the store.
        try await audit.audit(epics: markets, store: marketStore, environment: recorder.environment, upTo: nil)
        let gaps = try await marketStore.gaps(environment: recorder.environment)
        await marketStore.close()
        if store == nil { try? FileManager.default.removeItem(at: directory) }

        let byReason = Dictionary(grouping: gaps, by: \.reason).mapValues(\.count)
        let sessionGaps = byReason["session"] ?? 0
        let expectedGaps = (sessionsCreated - 1) * options.streamKeys.count
        let injected = faults.withLock { $0 }
        say("record: faults injected \(injected.values.reduce(0, +)) \(injected.sorted { $0.key < $1.key })")
        say(
            "record: server: Lightstreamer sessions created \(sessionsCreated); client: sessions "
                + "\(lightstreamer.sessionsEstablished), recoveries \(lightstreamer.recoveries), rebinds "
                + "\(lightstreamer.rebinds), gaps delivered \(lightstreamer.gaps)")
        say(
            "record: ticks published by the server (distinct) \(audit.published): outside recorded gaps "
                + "\(audit.publishedOutsideGaps), of which stored \(audit.storedOutsideGaps) (missing \(audit.missing)); "
                + "inside gaps \(audit.publishedInGaps), of which stored \(audit.storedInGaps); stored and never "
                + "published \(audit.unpublished); in flight at the end \(audit.inFlightAtEnd), late \(audit.late)")
        for example in audit.examples { say("record:   \(example)") }
        say(
            "record: gaps that happened (new server sessions × streams) \(expectedGaps), session gap rows recorded "
                + "\(sessionGaps); all gap rows \(gaps.count) by reason \(byReason.sorted { $0.key < $1.key })")
        // Any other gap (conflation, overflow: the client's buffers) must hold a tick the server published and the
        // store lacks; one that holds none was recorded without a loss.
        var otherGaps = 0
        var otherGapsWithLoss = 0
        for reason in audit.reasons.sorted() where reason != "session" {
            let (rows, withLoss) = audit.gaps(reason: reason)
            otherGaps += rows
            otherGapsWithLoss += withLoss
            say("record: \(reason) gap rows \(rows), holding a published tick the store lacks \(withLoss)")
        }
        say(
            "record: the recorder's own counts: \(final.tickUpdates) tick updates, \(final.tickDuplicates) repeats "
                + "skipped, \(final.ticksWritten) ticks written, \(final.gapsWritten) gaps written")
        let ticksPerSecond = Double(audit.storedInMeasurement) / max(seconds, 1)
        let peak = gauges.map(\.residentMegabytes).max() ?? 0
        var growth = 0.0
        if let first = gauges.first, let last = gauges.last {
            growth = last.residentMegabytes - first.residentMegabytes
            say(
                String(
                    format:
                        "record: sustained %.0f ticks/s stored; RSS (recorder and simulator in one process) after "
                        + "warm-up %.1f MB, peak %.1f MB, end %.1f MB (growth %+.1f MB); fds %d → %d",
                    ticksPerSecond, first.residentMegabytes, peak, last.residentMegabytes, growth,
                    first.fileDescriptors, last.fileDescriptors))
        }
        let agree =
            audit.agrees && sessionGaps == expectedGaps && otherGaps == otherGapsWithLoss && !recorderFailed
        say(
            "RESULT record epics=\(markets.count) minutes=\(minutes) published=\(audit.published) "
                + "published_outside_gaps=\(audit.publishedOutsideGaps) stored_outside_gaps=\(audit.storedOutsideGaps) "
                + "missing=\(audit.missing) unpublished=\(audit.unpublished) gaps_expected=\(expectedGaps) "
                + "gaps_recorded=\(sessionGaps) other_gaps=\(otherGaps) other_gaps_with_loss=\(otherGapsWithLoss) "
                + String(format: "ticks_per_s=%.0f rss_peak_mb=%.1f rss_growth_mb=%+.1f ", ticksPerSecond, peak, growth)
                + "agree=\(agree ? "yes" : "NO")")
        if !agree { throw ExitCode.failure }
    }

    /// Prints a line at once (also when standard output is a file), so progress shows during the run.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
