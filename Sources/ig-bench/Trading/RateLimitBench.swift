import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading

/// `ig-bench rate-limit`: concurrent non-trading reads against a simulator that enforces an allowance; reports the
/// throughput achieved as a fraction of the allowance and the allowance errors, for swift-ig and (optionally)
/// trading-ig 0.0.25 with its rate limiter on the same settings.
struct RateLimitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate-limit",
        abstract: "Throughput and allowance errors of concurrent reads under IG's per-minute allowances.")

    @Option(help: "Allowances to measure, requests per minute (application and account non-trading alike).")
    var allowance: [Int] = [60, 30]
    @Option(help: "Seconds each measurement runs.") var duration: Double = 180
    @Option(help: "Concurrent tasks (and trading-ig threads).") var tasks = 8
    @Option(help: "A Python with trading-ig 0.0.25 installed (e.g. Interop/.venv/bin/python) to compare against.")
    var python: String?

    struct Outcome {
        var client: String
        var allowance: Int
        var completed: Int
        var allowanceErrors: Int
        var otherErrors: Int
        var seconds: Double
        /// Every request the simulator counted against the allowance (reads, login, allowance lookup).
        var counted: Int

        var perMinute: Double { Double(completed) / seconds * 60 }
        /// Requests IG counted per minute, as a fraction of the allowance.
        var fraction: Double { Double(counted) / seconds * 60 / Double(allowance) }
    }

    func run() async throws {
        var outcomes: [Outcome] = []
        for allowance in allowance {
            async let ours = measureSwiftIG(allowance: allowance)
            async let theirs = measureTradingIGIfAsked(allowance: allowance)
            outcomes.append(try await ours)
            if let theirs = try await theirs { outcomes.append(theirs) }
        }
        print("")
        print(
            "client        allowance/min  reads  reads/min  counted  used/allowance  allowance errors  other errors"
                + "  seconds")
        for outcome in outcomes {
            print(
                outcome.client.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + pad(outcome.allowance, 13) + pad(outcome.completed, 7)
                    + pad(String(format: "%.1f", outcome.perMinute), 11) + pad(outcome.counted, 9)
                    + pad(String(format: "%.3f", outcome.fraction), 16) + pad(outcome.allowanceErrors, 18)
                    + pad(outcome.otherErrors, 14) + pad(String(format: "%.0f", outcome.seconds), 9))
        }
    }

    private func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = value.description
        return String(repeating: " ", count: max(1, width - text.count)) + text
    }

    static func simulator(allowance: Int) throws -> IGSimulator {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = SimulatorAllowances(
            applicationOverall: allowance, accountOverall: allowance, accountTrading: 100,
            historicalDataPoints: 10_000)
        return try IGSimulator(configuration: configuration)
    }

    func measureSwiftIG(allowance: Int) async throws -> Outcome {
        let simulator = try Self.simulator(allowance: allowance)
        let url = try await simulator.start()
        let configuration = IGClient.Configuration(environment: .custom(url), retryPolicy: .none)
        let credentials = IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key")
        let client = try IGClient(configuration: configuration, credentials: credentials)
        try await client.session.login()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64(duration * 1000))
        // The requests IG counted during the run: snapshot the simulator's count when the run ends (requests still
        // queued in the limiter at that moment go out after it and are not part of the run).
        async let countedAtDeadline: Int = {
            try? await Task.sleep(until: deadline, clock: clock)
            return await simulator.statistics().requests
        }()
        let counts = try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var (completed, allowanceErrors, other) = (0, 0, 0)
                    while clock.now < deadline {
                        do {
                            _ = try await client.markets.get("CS.D.EURUSD.TODAY.IP")
                            if clock.now <= deadline { completed += 1 }
                        } catch let error as IGError where error.errorCode?.isRateAllowance == true {
                            allowanceErrors += 1
                        } catch {
                            other += 1
                        }
                    }
                    return (completed, allowanceErrors, other)
                }
            }
            var total = (0, 0, 0)
            for try await counts in group {
                total = (total.0 + counts.0, total.1 + counts.1, total.2 + counts.2)
            }
            return total
        }
        let statistics = await simulator.statistics()
        let counted = await countedAtDeadline
        try await client.shutdown()
        try await simulator.shutdown()
        return Outcome(
            client: "swift-ig", allowance: allowance, completed: counts.0,
            allowanceErrors: max(counts.1, statistics.allowanceErrors), otherErrors: counts.2,
            seconds: duration, counted: counted - statistics.allowanceErrors)
    }

    func measureTradingIGIfAsked(allowance: Int) async throws -> Outcome? {
        guard let python else { return nil }
        return try await measureTradingIG(allowance: allowance, python: python)
    }

    func measureTradingIG(allowance: Int, python: String) async throws -> Outcome {
        let simulator = try Self.simulator(allowance: allowance)
        let url = try await simulator.start()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/trading_ig_rate_limit.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, url.absoluteString, String(duration), String(tasks)]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ig-bench-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(200)) }
        let data = try Data(contentsOf: output)
        struct Counts: Decodable {
            var completed: Int
            var allowance_errors: Int
            var other_errors: Int
            var elapsed: Double
        }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let counts = try JSONDecoder().decode(Counts.self, from: Data(line.utf8))
        let statistics = await simulator.statistics()
        try await simulator.shutdown()
        return Outcome(
            client: "trading-ig", allowance: allowance, completed: counts.completed,
            allowanceErrors: max(counts.allowance_errors, statistics.allowanceErrors), otherErrors: counts.other_errors,
            // The script logs out after its run: that request is not part of it.
            seconds: counts.elapsed, counted: statistics.requests - statistics.allowanceErrors - 1)
    }
}
