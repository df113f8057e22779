import Foundation
import IGMarketData
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGCommands

// Needs the `ig` executable (built with the tests by `swift build --build-tests`, as .ci/run does).
@Suite(
    "ig record as a process", .enabled(if: igExecutable != nil, "the ig executable is not built"),
    .timeLimit(.minutes(2)))
struct RecordProcessTests {
    /// Starts `ig ARGUMENTS…` with its output in files.
    static func start(_ arguments: [String], directory: String, name: String) throws -> ChildProcess {
        guard let executable = igExecutable else { throw ChildProcess.LaunchError(description: "ig is not built") }
        return try ChildProcess(
            executable: executable.path, arguments: arguments, standardOutput: directory + "/\(name).out",
            standardError: directory + "/\(name).err")
    }

    /// The NDJSON objects a run printed so far.
    static func objects(_ directory: String, _ name: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: directory + "/\(name).out", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Returns once the run's progress shows `count` ticks written, or it ended.
    static func waitForTicks(_ count: Int, of run: ChildProcess, directory: String, name: String) async throws {
        while run.isRunning, !objects(directory, name).contains(where: { ($0["ticks"] as? Int ?? 0) >= count }) {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test("SIGTERM, as a service manager stops it, ends ig record as Ctrl-C does: what is held written, exit 0")
    func terminatedRecorder() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.streaming.updatesPerSecond = 5
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                let arguments = [
                    "record", "CS.D.EURUSD.TODAY.IP", "--ticks", "--base-url", url.absoluteString, "--store",
                    directory + "/store.sqlite",
                ]
                let run = try Self.start(arguments, directory: directory, name: "run")
                try await Self.waitForTicks(3, of: run, directory: directory, name: "run")
                #expect(run.isRunning, "it must still be running when it is stopped")
                run.send(SIGTERM)
                #expect(try await run.exit() == 0)
                #expect(Self.objects(directory, "run").last?["type"] as? String == "stopped")
            }
        }
    }

    @Test("SIGTERM or Ctrl-C during ig history sync: the unit in hand is released and the summary says so (130)")
    func interruptedSync() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.allowances.historicalDataPoints = 10_000_000
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                // Ninety days of MINUTE bars, 50 a request: far more than the seconds before the signal.
                let arguments = [
                    "history", "sync", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-01-06", "--to",
                    "2025-04-06", "--page-size", "50", "--base-url", url.absoluteString, "--store", path,
                    "--worker", "w",
                ]
                let run = try Self.start(arguments, directory: directory, name: "sync")
                // Stopped once its first bars are in the store (the run is under way, its signal handlers set).
                while run.isRunning {
                    if FileManager.default.fileExists(atPath: path) {
                        let store = try await MarketDataStore.open(.sqlite(path: path), creating: false)
                        let bars = try await store.status().reduce(0) { $0 + $1.bars }
                        await store.close()
                        if bars > 0 { break }
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(run.isRunning, "the sync must still be running when it is stopped")
                run.send(SIGTERM)
                #expect(try await run.exit() == 130)
                let output = (try? String(contentsOfFile: directory + "/sync.out", encoding: .utf8)) ?? ""
                #expect(output.contains("Interrupted: the unit in hand was released"), "\(output)")
                let store = try await MarketDataStore.open(.sqlite(path: path))
                let open = try await store.openUnits()
                // The points left are IG's figure after the last page committed, in the unit stopped part-way too.
                let ledger = try await store.allowance(environment: url.absoluteString, since: .distantPast)
                await store.close()
                let left = output.firstMatch(of: /(\d+) points left/).flatMap { Int($0.1) }
                #expect(left != nil && left == ledger.first?.remaining, "\(output) \(ledger)")
                #expect(!open.isEmpty, "units are left for the next sync")
                #expect(open.allSatisfy { $0.state == .pending }, "no unit stays held: \(open.map(\.state))")
            }
        }
    }

    @Test("killed with SIGKILL and restarted: no tick stored twice, one restart gap, NDJSON progress when piped")
    func killAndRestart() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.streaming.keepalive = .seconds(1)
        configuration.streaming.updatesPerSecond = 5
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let arguments = [
                    "record", "CS.D.EURUSD.TODAY.IP", "--ticks", "--base-url", url.absoluteString, "--store", path,
                ]
                let first = try Self.start(arguments, directory: directory, name: "first")
                // Kill it once progress shows ticks written.
                try await Self.waitForTicks(10, of: first, directory: directory, name: "first")
                #expect(first.isRunning, "the first run must still be running when it is killed")
                first.send(SIGKILL)
                while first.isRunning { try await Task.sleep(for: .milliseconds(20)) }
                let started = Self.objects(directory, "first").first
                #expect(started?["type"] as? String == "started")
                let environment = try #require(started?["environment"] as? String)

                let second = try Self.start(arguments + ["--duration", "4"], directory: directory, name: "second")
                while second.isRunning { try await Task.sleep(for: .milliseconds(50)) }
                #expect(second.terminationStatus == 0)
                let stopped = Self.objects(directory, "second").last
                #expect(stopped?["type"] as? String == "stopped")
                #expect((stopped?["ticks"] as? Int ?? 0) > 0)

                let store = try await MarketDataStore.open(.sqlite(path: path))
                let ticks = try await store.ticks(
                    Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), environment: environment, from: .distantPast,
                    to: .distantFuture)
                // A `conflated` gap, the reader lagging behind the ticks on a loaded machine, is not the restart's.
                let gaps = try await store.gaps(environment: environment).filter { $0.reason != "conflated" }
                await store.close()
                #expect(ticks.count >= 10)
                let distinct = Set(
                    ticks.map { "\($0.time) \($0.bid.map { "\($0)" } ?? "-") \($0.offer.map { "\($0)" } ?? "-")" })
                #expect(distinct.count == ticks.count, "a tick stored twice")
                #expect(gaps.count == 1)
                #expect(gaps.first?.reason == "restart")
                if let gap = gaps.first {
                    #expect(!ticks.contains { $0.time > gap.start && $0.time < gap.end })
                }

                // `ig history status` lists the recording (it said "holds no series yet" before).
                let status = try await IGCommand.output(of: ["history", "status", "--store", path])
                let line = status.split(separator: "\n").first { $0.contains(" recorded ") }.map(String.init) ?? ""
                #expect(line.hasPrefix("\(environment) recorded CS.D.EURUSD.TODAY.IP TICK from "), "\(status)")
                #expect(line.contains(" without loss, ") && !line.hasSuffix(" 0 gaps."), "\(status)")
                #expect(!status.contains("holds no series yet"), "\(status)")
            }
        }
    }

    /// The recordings of the account's streams (`ACCOUNT`, `TRADE`) in the SQLite store at `path`, if it exists.
    static func auditRecordings(_ path: String) async throws -> [RecordingStatus] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let store = try await MarketDataStore.open(.sqlite(path: path), creating: false)
        let recordings = try await store.recordings()
        await store.close()
        return recordings.filter { $0.stream.stream == "ACCOUNT" || $0.stream.stream == "TRADE" }
    }

    @Test("--account-updates killed with SIGKILL and restarted: ACCOUNT and TRADE get spans and a restart gap")
    func killAndRestartAuditTrail() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.streaming.keepalive = .seconds(1)
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let arguments = ["record", "--account-updates", "--base-url", url.absoluteString, "--store", path]
                let first = try Self.start(arguments, directory: directory, name: "first")
                // Killed once both streams were observed for over a second (TRADE sends nothing, ACCOUNT its
                // snapshot). The bound only keeps a broken recorder from hanging the test.
                let bound = Date().addingTimeInterval(60)
                var observed: [RecordingStatus] = []
                while first.isRunning, Date() < bound {
                    observed = try await Self.auditRecordings(path)
                    if observed.count == 2, observed.allSatisfy({ $0.last - $0.first >= 1000 }) { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(first.isRunning, "the first run must still be running when it is killed")
                #expect(observed.map(\.stream.stream) == ["ACCOUNT", "TRADE"], "\(observed)")
                #expect(observed.allSatisfy { $0.last - $0.first >= 1000 }, "spans extended while it ran: \(observed)")
                first.send(SIGKILL)
                while first.isRunning { try await Task.sleep(for: .milliseconds(20)) }
                let environment = try #require(Self.objects(directory, "first").first?["environment"] as? String)
                // ACCOUNT and TRADE are the run's streams.
                #expect(Self.objects(directory, "first").first?["streams"] as? Int == 2)

                let second = try Self.start(arguments + ["--duration", "4"], directory: directory, name: "second")
                while second.isRunning { try await Task.sleep(for: .milliseconds(50)) }
                #expect(second.terminationStatus == 0)

                let store = try await MarketDataStore.open(.sqlite(path: path))
                var accountId = ""
                for name in ["ACCOUNT", "TRADE"] {
                    let gaps = try await store.gaps(environment: environment).filter { $0.stream.stream == name }
                    let stream = try #require(gaps.first?.stream, "\(name) has no gap")
                    accountId = stream.epic.rawValue
                    let spans = try await store.spans(stream)
                    #expect(gaps.map(\.reason) == ["restart"], "\(name): \(gaps)")
                    #expect(spans.count == 2, "\(name): \(spans)")
                    if let gap = gaps.first {
                        // From the end of the killed run's span to the start of the new run's.
                        #expect(spans.first?.end == gap.start, "\(gap) \(spans)")
                        #expect(spans.last?.start == gap.end, "\(gap) \(spans)")
                    }
                }
                await store.close()

                // `ig history status` shows the outage in both (ACCOUNT read "2 spans without loss, 0 gaps" before,
                // TRADE was missing).
                let status = try await IGCommand.output(of: ["history", "status", "--store", path])
                for name in ["ACCOUNT", "TRADE"] {
                    let line = status.split(separator: "\n").first { $0.contains(" recorded \(accountId) \(name) ") }
                    #expect(line?.hasSuffix(": 2 spans without loss, 1 gap.") == true, "\(status)")
                }
            }
        }
    }
}
