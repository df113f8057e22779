import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

extension StreamingBench {
    /// One client holding `subscriptions` subscriptions while the simulator injects `faults` faults, one at a time:
    /// a fault counts as recovered when every subscription has received an update after it.
    func resilienceRun() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        configuration.allowances = .unlimited
        configuration.streaming.keepalive = .seconds(1)
        configuration.streaming.updatesPerSecond = 5
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(url)),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        var streamingConfiguration = IGStreamingClient.Configuration()
        streamingConfiguration.lightstreamer.session.stalledGrace = .milliseconds(500)
        streamingConfiguration.lightstreamer.session.reconnectTimeout = .milliseconds(500)
        streamingConfiguration.lightstreamer.session.retryDelay = .milliseconds(500)
        let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration)
        let markets: [Epic] = [
            "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USCGC.TODAY.IP", "CS.D.BITCOIN.TODAY.IP",
            "IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP", "CS.D.EURUSD.MINI.IP", "CS.D.GBPUSD.MINI.IP",
            "IX.D.FTSE.IFM.IP", "IX.D.ASX.IFM.IP",
        ]
        let count = subscriptions
        var streams: [IGStreamingSubscription<IGPriceUpdate>] = []
        for index in 0..<count {
            streams.append(try await streaming.prices([markets[index % markets.count]], buffering: .unbounded))
        }
        let clock = ContinuousClock()
        let progress = ResilienceProgress(count: count)
        let faults = self.faults
        print(
            "resilience: \(count) PRICE subscriptions, \(faults) faults (keepalive 1 s, grace 0.5 s, reconnect 0.5 s)")
        let report = try await withThrowingTaskGroup(of: ResilienceReport?.self) { group in
            group.addTask {
                try await streaming.run()
                return nil
            }
            for (index, stream) in streams.enumerated() {
                group.addTask {
                    for try await event in stream {
                        switch event {
                        case .update: progress.updated(index, at: clock.now)
                        case .gap(.sessionReplaced, _): progress.gapSignalled()
                        case .gap, .subscribed: break
                        }
                    }
                    return nil
                }
            }
            group.addTask {
                try await Self.injectFaults(faults, simulator: simulator, streaming: streaming, progress: progress)
            }
            var report = ResilienceReport()
            while let next = try await group.next() {
                if let next {
                    report = next
                    break
                }
            }
            streaming.shutdown()
            group.cancelAll()
            return report
        }
        try await client.shutdown()
        try await simulator.shutdown()
        Self.printResilience(report, faults: faults, subscriptions: count)
    }

    /// Injects `faults` streaming faults one after the other and waits, for each, until the client reconnected and
    /// every subscription got an update after it (or 60 s passed).
    private static func injectFaults(
        _ faults: Int, simulator: IGSimulator, streaming: IGStreamingClient, progress: ResilienceProgress
    ) async throws -> ResilienceReport? {
        let clock = ContinuousClock()
        var report = ResilienceReport()
        while !progress.allUpdated(since: nil) { try await Task.sleep(for: .milliseconds(50)) }
        let sessionsAtStart = streaming.statistics.sessionsEstablished
        for _ in 0..<faults {
            let start = clock.now
            let before = streaming.statistics
            let fault = await simulator.injectRandomStreamingFault()
            report.kinds["\(fault)", default: 0] += 1
            let deadline = start + .seconds(60)
            // The client has noticed the fault once it opened a new connection for it (rebind, recovery or
            // a new session); it has recovered once every subscription got an update after that.
            func noticed() -> Bool {
                let now = streaming.statistics
                return now.connectionsOpened > before.connectionsOpened
            }
            while !noticed(), clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            let noticedAt = clock.now
            while !progress.allUpdated(since: noticedAt), clock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            if noticed(), progress.allUpdated(since: noticedAt) {
                report.recovered += 1
                report.recoveryTimes.append(progress.latestFirstUpdate(since: noticedAt) - start)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        report.sessionsReplaced = streaming.statistics.sessionsEstablished - sessionsAtStart
        report.gapsSignalled = progress.gaps  // before shutdown (which signals one more per subscription)
        return report
    }

    private static func printResilience(_ report: ResilienceReport, faults: Int, subscriptions: Int) {
        let times = report.recoveryTimes.map {
            Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18
        }
        .sorted()
        func percentile(_ p: Double) -> Double {
            times.isEmpty ? .nan : times[min(times.count - 1, Int((Double(times.count) * p).rounded(.up)) - 1)]
        }
        print("resilience: faults by kind: \(report.kinds.sorted { $0.key < $1.key })")
        print(
            String(
                format:
                    "resilience: recovered %d/%d (the client reconnected and all %d subscriptions updated after each fault); time to recover p50 %.3f s, p99 %.3f s",
                report.recovered, faults, subscriptions, percentile(0.5), percentile(0.99)))
        print(
            "resilience: sessions replaced \(report.sessionsReplaced) → gaps that happened \(report.sessionsReplaced * subscriptions), "
                + "sessionReplaced gaps signalled \(report.gapsSignalled)")
    }
}
