import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The markets the end-to-end runs cycle through, one PRICE subscription each (`Benchmarks/lightstreamer_throughput.py`
/// uses the same list in the same order).
let benchmarkMarkets: [Epic] = [
    "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USCGC.TODAY.IP", "CS.D.BITCOIN.TODAY.IP",
    "IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP", "CS.D.EURUSD.MINI.IP", "CS.D.GBPUSD.MINI.IP",
    "IX.D.FTSE.IFM.IP", "IX.D.ASX.IFM.IP",
]

extension StreamingBench {
    /// Streams `epics` PRICE subscriptions for `warmup` + `duration` seconds and prints the figures.
    func endToEnd() async throws {
        var simulator: IGSimulator?
        let base: URL
        if let url {
            base = URL(string: url)!
            if let rate { try await Self.setServerRate(base, rate) }
        } else {
            var configuration = SimulatorConfiguration(port: 0)
            configuration.host = "127.0.0.1"
            configuration.allowances = .unlimited
            configuration.streaming.updatesPerSecond = rate ?? 1000
            let embedded = try IGSimulator(configuration: configuration)
            base = try await embedded.start()
            simulator = embedded
        }
        let result = try await measureEndToEnd(base: base)
        if let simulator { try await simulator.shutdown() }

        let where_ = url == nil ? "embedded simulator" : "simulator at \(base.absoluteString)"
        let rateText = rate.map { String(format: "%.0f/s/item", $0) } ?? "the server's rate"
        print(
            String(
                format: "end-to-end (%@, %d PRICE subscriptions, %@, %@): "
                    + "%d updates in %.1f s = %.0f updates/s, %d gaps",
                result.transport, epics, rateText, where_, result.updates, result.seconds,
                Double(result.updates) / result.seconds, result.gaps))
        if !result.gapKinds.isEmpty {
            print("end-to-end: gaps by kind \(result.gapKinds.sorted { $0.key < $1.key })")
            if let statistics = result.statistics { print("end-to-end: client counters \(statistics)") }
        }
        let process = url == nil ? "client + embedded simulator" : "client process"
        var figures = String(
            format: "end-to-end: %@ CPU %.2f s (%.0f %% of one core) = %.0f updates per CPU-second", process,
            result.cpuSeconds, 100 * result.cpuSeconds / result.seconds, Double(result.updates) / result.cpuSeconds)
        if let sent = result.sent {
            figures += String(
                format: "; server sent %d data notifications (%.0f/s), %.1f %% consumed", sent,
                Double(sent) / result.seconds, 100 * Double(result.updates) / Double(max(1, sent)))
        }
        print(figures)
        let rss = Self.residentMegabytes() ?? .nan
        if lines > 0 {
            // The parser run's sample lines were resident before the stream started; they count in the peak.
            print(
                "memory: the peak below includes the parser run's \(lines) sample lines; --lines 0 measures the client alone"
            )
        }
        if url == nil {
            print(String(format: "memory: peak RSS %.1f MB (client and embedded simulator in one process)", rss))
        } else {
            print(
                String(
                    format: "memory: peak RSS (VmHWM) %.1f MB, client process alone with %d subscriptions "
                        + "(simulator in another process)",
                    rss, epics))
        }
        print(
            String(
                format: "RESULT client=swift transport=%@ subscriptions=%d updates=%d seconds=%.3f rate=%.1f "
                    + "sent=%d cpu=%.3f rss_mb=%.1f",
                result.transport, epics, result.updates, result.seconds, Double(result.updates) / result.seconds,
                result.sent ?? -1, result.cpuSeconds, rss))
    }

    func measureEndToEnd(base: URL) async throws -> EndToEndResult {
        let client = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(base)),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        let streaming = IGStreamingClient(
            client: client,
            configuration: IGStreamingClient.Configuration(
                transport: transport == "http"
                    ? .httpStreaming : transport == "websocket" ? .webSocket : .webSocketWithHTTPFallback))
        var subscriptions: [IGStreamingSubscription<IGPriceUpdate>] = []
        for index in 0..<epics {
            subscriptions.append(
                try await streaming.prices([benchmarkMarkets[index % benchmarkMarkets.count]], buffering: .unbounded))
        }
        let window = CountingWindow()
        let (warmup, duration, count) = (self.warmup, self.duration, epics)
        let result = try await withThrowingTaskGroup(of: EndToEndResult?.self) { group in
            group.addTask {
                try await streaming.run()
                return nil
            }
            for subscription in subscriptions {
                group.addTask { try await Self.consume(subscription, window: window) }
            }
            group.addTask {
                try await Self.timeWindow(
                    window, subscriptions: count, warmup: warmup, duration: duration, base: base, streaming: streaming)
            }
            var total = EndToEndResult()
            var pending = count + 1
            while pending > 0, let next = try await group.next() {
                guard let next else { continue }
                pending -= 1
                total.updates += next.updates
                total.gaps += next.gaps
                total.gapKinds.merge(next.gapKinds, uniquingKeysWith: +)
                if next.seconds > 0 {
                    (total.seconds, total.cpuSeconds, total.sent, total.transport) = (
                        next.seconds, next.cpuSeconds, next.sent, next.transport
                    )
                    // Consumers of quiet items (a closed market) would wait for their next update: stopping the
                    // client finishes every subscription.
                    streaming.shutdown()
                }
            }
            total.statistics = streaming.statistics
            streaming.shutdown()
            group.cancelAll()
            return total
        }
        try await client.shutdown()
        return result
    }

    /// Counts one subscription's updates and gaps inside the measured window (phase 1 of `window`).
    private static func consume(
        _ subscription: IGStreamingSubscription<IGPriceUpdate>, window: CountingWindow
    ) async throws -> EndToEndResult? {
        var updates = 0
        var gaps = 0
        var kinds: [String: Int] = [:]
        var atStart: (updates: Int, gaps: Int)?
        for try await event in subscription {
            // The phase is read before the event counts: the gap a shutdown delivers comes after 2.
            let phase = window.phase.load(ordering: .relaxed)
            if phase == 2 { break }
            if phase == 1, atStart == nil { atStart = (updates, gaps) }
            switch event {
            case .update:
                updates += 1
                if updates == 1 { window.ready.add(1, ordering: .relaxed) }
            case .gap(let gap, _):
                gaps += 1
                if atStart != nil { kinds[Self.kind(of: gap), default: 0] += 1 }
            case .subscribed: break
            }
        }
        let start = atStart ?? (updates, gaps)
        return EndToEndResult(updates: updates - start.updates, gaps: gaps - start.gaps, gapKinds: kinds)
    }

    /// Waits until every subscription has had an update and the warm-up passed, then measures `duration` seconds:
    /// wall time, CPU, and the data notifications the server sent meanwhile.
    private static func timeWindow(
        _ window: CountingWindow, subscriptions count: Int, warmup: Double, duration: Double, base: URL,
        streaming: IGStreamingClient
    ) async throws -> EndToEndResult? {
        while window.ready.load(ordering: .relaxed) < count { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(Int64(warmup * 1000)))
        let clock = ContinuousClock()
        let sentBefore = await Self.serverDataNotifications(base)
        let cpuBefore = Self.cpuSeconds()
        let start = clock.now
        window.phase.store(1, ordering: .relaxed)
        try await Task.sleep(for: .milliseconds(Int64(duration * 1000)))
        window.phase.store(2, ordering: .relaxed)
        let elapsed = clock.now - start
        let cpuAfter = Self.cpuSeconds()
        let sentAfter = await Self.serverDataNotifications(base)
        var result = EndToEndResult()
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.cpuSeconds = cpuAfter - cpuBefore
        if let sentBefore, let sentAfter {
            result.sent = sentAfter.reduce(0) { $0 + $1.value - (sentBefore[$1.key] ?? 0) }
        }
        if case .connected(let transport) = streaming.status { result.transport = transport.description }
        return result
    }

    /// A gap's kind, for the report.
    static func kind(of gap: TLCPGap) -> String {
        switch gap {
        case .overflow: "overflow"
        case .sessionReplaced: "sessionReplaced"
        case .conflated: "conflated"
        case .resubscribed(_, let error): "resubscribed(\(error.code))"
        }
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Data notifications produced so far by each of the server's Lightstreamer sessions.
    static func serverDataNotifications(_ base: URL) async -> [String: Int]? {
        let url = base.appendingPathComponent("simulator/streaming/sessions")
        guard let (body, _) = try? await URLSession.shared.data(from: url),
            let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let sessions = json["sessions"] as? [[String: Any]]
        else { return nil }
        var counts: [String: Int] = [:]
        for session in sessions {
            if let id = session["id"] as? String, let count = session["dataNotifications"] as? Int {
                counts[id] = count
            }
        }
        return counts
    }

    /// Sets the server's updates per second per item (`POST /simulator/streaming/rate`).
    static func setServerRate(_ base: URL, _ rate: Double) async throws {
        var request = URLRequest(url: base.appendingPathComponent("simulator/streaming/rate"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"updatesPerSecond": \#(rate)}"#.utf8)
        _ = try await URLSession.shared.data(for: request)
    }
}
