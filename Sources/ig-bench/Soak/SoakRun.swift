import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// One soak run: the REST loops, the streaming client, the fault injector and the sampler, in one task group.
struct SoakRun: Sendable {
    let plan: SoakPlan
    let simulator: IGSimulator
    let url: URL

    static let markets: [Epic] = [
        "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USCGC.TODAY.IP", "CS.D.BITCOIN.TODAY.IP",
        "IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP", "CS.D.EURUSD.MINI.IP", "CS.D.GBPUSD.MINI.IP",
        "IX.D.FTSE.IFM.IP", "IX.D.ASX.IFM.IP",
    ]

    func run() async throws -> SoakResult {
        let credentials = IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key")
        let v2 = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(self.url), sessionVersion: .v2),
            credentials: credentials)
        let v3 = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(self.url), sessionVersion: .v3),
            credentials: credentials)
        let streaming = IGStreamingClient(client: v3)
        var streams: [IGStreamingSubscription<IGPriceUpdate>] = []
        for index in 0..<self.plan.subscriptions {
            streams.append(
                try await streaming.prices([Self.markets[index % Self.markets.count]], buffering: .unbounded))
        }
        let tally = SoakTally()
        let clock = ContinuousClock()
        let end = clock.now + self.plan.warmup + self.plan.wall
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await streaming.run() } catch { tally.surfaced("streaming run: \(error)") }
            }
            for stream in streams {
                group.addTask { await Self.consume(stream, tally: tally) }
            }
            group.addTask { await Self.restLoop(v2, name: "v2", until: end, tally: tally) }
            group.addTask { await Self.restLoop(v3, name: "v3", until: end, tally: tally) }
            group.addTask { try await self.inject(until: end, tally: tally) }
            try await self.sample(until: end, tally: tally)
            tally.setStreaming(streaming.statistics)
            streaming.shutdown()
            group.cancelAll()
        }
        tally.setSimulator(await self.simulator.statistics())
        try await v2.shutdown()
        try await v3.shutdown()
        return tally.result
    }

    /// Reads a market, the accounts and a few bars, again and again; every error that reaches this caller counts.
    private static func restLoop(
        _ client: IGClient, name: String, until end: ContinuousClock.Instant, tally: SoakTally
    ) async {
        var index = 0
        while ContinuousClock.now < end, !Task.isCancelled {
            let epic = Self.markets[index % Self.markets.count]
            index += 1
            do {
                _ = try await client.markets.get(epic)
                _ = try await client.accounts.list()
                _ = try await client.prices.history(epic: epic, resolution: .minute, max: 5)
                tally.restSucceeded(3)
            } catch {
                if Task.isCancelled { return }
                tally.surfaced("REST \(name): \(error)")
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    private static func consume(_ stream: IGStreamingSubscription<IGPriceUpdate>, tally: SoakTally) async {
        do {
            for try await event in stream {
                switch event {
                case .update: tally.update()
                case .gap: tally.gap()
                case .subscribed: break
                }
            }
        } catch {
            if !Task.isCancelled { tally.surfaced("subscription: \(error)") }
        }
    }

    /// Wipes every session and injects streaming faults on the plan's schedule.
    private func inject(until end: ContinuousClock.Instant, tally: SoakTally) async throws {
        let clock = ContinuousClock()
        var nextWipe = clock.now + self.plan.warmup + self.plan.wipeEvery
        var nextFault = clock.now + self.plan.warmup + self.plan.faultEvery
        while clock.now < end {
            try await Task.sleep(until: min(nextWipe, nextFault, end))
            if clock.now >= nextWipe {
                await self.simulator.invalidateAllSessions()
                tally.wiped()
                nextWipe += self.plan.wipeEvery
            }
            if clock.now >= nextFault {
                tally.faulted("\(await self.simulator.injectRandomStreamingFault())")
                nextFault += self.plan.faultEvery
            }
        }
    }

    /// Takes the gauge after the warm-up, then every minute, then at the end.
    private func sample(until end: ContinuousClock.Instant, tally: SoakTally) async throws {
        try await Task.sleep(for: self.plan.warmup)
        tally.sampled(ProcessGauge.read())
        let clock = ContinuousClock()
        while clock.now < end {
            try await Task.sleep(until: min(clock.now + .seconds(60), end))
            let gauge = ProcessGauge.read()
            tally.sampled(gauge)
            print("soak: \(tally.progressLine) | \(gauge)")
        }
    }
}
