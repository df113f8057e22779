import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading

/// `ig-bench soak`: a long run of everything at once against a simulator whose clock of IG events is compressed.
///
/// A v2 and a v3 REST client read markets, accounts and prices in a loop while a streaming client holds
/// `subscriptions` PRICE subscriptions. The simulator shortens IG's lifetimes by `compression` (v3 access tokens of
/// 60 s, refresh tokens of 10 minutes, a Lightstreamer session's two-hour maximum) and, besides, wipes every session
/// every `wipeSeconds` and injects a random streaming fault every `faultSeconds`. The report counts the errors that
/// reached the caller (the figure that must stay 0), what the client did to hide the others, and the process's file
/// descriptors and resident memory from the end of the warm-up to the end.
struct SoakBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "REST v2 + v3 and streaming for a long run under token expiry, session wipes and faults.")

    @Option(help: "Wall-clock minutes to run (after a 30 s warm-up).") var minutes: Double = 20
    @Option(help: "PRICE subscriptions held by the streaming client.") var subscriptions: Int = 50
    @Option(help: "How many times faster than IG the lifetimes run (72: 24 hours in 20 minutes).")
    var compression: Double = 72
    @Option(help: "Seconds between session wipes (every v1/v2 token invalidated).") var wipeSeconds: Double = 60
    @Option(help: "Seconds between injected streaming faults.") var faultSeconds: Double = 20
    @Option(help: "Seconds of warm-up before the first sample.") var warmupSeconds: Double = 30

    func run() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        // The per-minute allowances are published but not enforced, and the weekly historical allowance is large:
        // the run is about sessions, tokens and streams, and 24 compressed hours of price reads would spend IG's
        // 10,000 points in minutes (the client would then refuse, correctly, before sending).
        configuration.allowances = SimulatorAllowances(
            applicationOverall: 1_000_000, accountOverall: 1_000_000, accountTrading: 1_000_000,
            historicalDataPoints: 1_000_000_000, enforced: false)
        configuration.accessTokenLifetime = Self.compressed(.seconds(60), by: compression)
        configuration.refreshTokenLifetime = Self.compressed(.seconds(600), by: compression)
        configuration.streaming.keepalive = .seconds(1)
        configuration.streaming.updatesPerSecond = 2
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        await simulator.setStreamingMaximumSessionDuration(Self.compressed(.seconds(7200), by: compression))
        let plan = SoakPlan(
            wall: .milliseconds(Int64(minutes * 60_000)), warmup: .milliseconds(Int64(warmupSeconds * 1000)),
            wipeEvery: .milliseconds(Int64(wipeSeconds * 1000)), faultEvery: .milliseconds(Int64(faultSeconds * 1000)),
            subscriptions: subscriptions, compression: compression)
        print(plan.summary)
        let result = try await SoakRun(plan: plan, simulator: simulator, url: url).run()
        try await simulator.shutdown()
        result.print(plan: plan)
    }

    /// An IG lifetime shortened by `factor`, never below 200 ms.
    static func compressed(_ duration: Duration, by factor: Double) -> Duration {
        let seconds = Double(duration.components.seconds) / max(factor, 1)
        return .milliseconds(Int64(max(seconds, 0.2) * 1000))
    }
}
