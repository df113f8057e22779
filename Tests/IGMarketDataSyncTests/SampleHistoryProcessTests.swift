import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

/// The `sample-history` executable next to the test bundle (built with the tests by `swift build --build-tests`), if
/// present.
let sampleHistoryExecutable: URL? = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    for directory in [
        bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent(),
    ] {
        let candidate = directory.appendingPathComponent("sample-history")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()

// Runs Samples/sample-history as a user would (`swift run sample-history`, no credentials: its embedded simulator)
// and checks what it prints against the SQLite store it leaves behind.
@Suite(
    "sample-history as a process",
    .enabled(if: sampleHistoryExecutable != nil, "the sample-history executable is not built"))
struct SampleHistoryProcessTests {
    /// What one run of the sample printed, line by line.
    struct Run {
        var lines: [String]

        /// The integers of the line starting with `prefix`: after its last ": " when `lastPart` (the counts of an
        /// ask, not its dates), else after the prefix.
        func counts(_ prefix: String, lastPart: Bool = true) -> [Int] {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) }) else { return [] }
            let tail = lastPart ? line.components(separatedBy: ": ").last ?? "" : String(line.dropFirst(prefix.count))
            return tail.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        }
    }

    /// Runs the sample on the store at `path`, with the test's environment less IG credentials (with them the sample
    /// would use IG's DEMO) and the sample's own settings; fails the test unless it exits with 0.
    static func runSample(_ executable: URL, store path: String, directory: String, name: String) async throws -> Run {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("IG_SERVICE_") && !$0.key.hasPrefix("HISTORY_")
        }
        environment["HISTORY_STORE"] = path
        let process = try ChildProcess(
            executable: executable.path, arguments: [], standardOutput: directory + "/\(name).out",
            standardError: directory + "/\(name).err", environment: environment)
        let status = try await process.exit()
        let output = try String(contentsOfFile: directory + "/\(name).out", encoding: .utf8)
        let errors = try String(contentsOfFile: directory + "/\(name).err", encoding: .utf8)
        #expect(status == 0, "stdout:\n\(output)\nstderr:\n\(errors)")
        #expect(output.contains("Using an embedded IG simulator"))
        return Run(lines: output.split(separator: "\n").map(String.init))
    }

    @Test("the sample's repeat costs 0 points, its overlap pays exactly the new bars, its backfill the rest")
    func sampleSaysWhatTheStoreHolds() async throws {
        guard let executable = sampleHistoryExecutable else { return }
        try await withTemporaryDirectory { directory in
            let path = directory + "/prices.sqlite"
            let run = try await Self.runSample(executable, store: path, directory: directory, name: "first")
            // "N bars, S from the store, F from IG; P points spent"
            let first = run.counts("First ask:")
            let again = run.counts("Again:")
            let overlap = run.counts("Overlap:")
            try #require(first.count == 4 && again.count == 4 && overlap.count == 4, "\(run.lines)")
            #expect(first[0] > 0)
            #expect(first[1] == 0 && first[2] == first[0] && first[3] == first[0])
            #expect(again == [first[0], first[0], 0, 0])

            let store = try await MarketDataStore.open(.sqlite(path: path), creating: false)
            let key = SeriesKey(environment: "SIMULATOR", epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour)
            let other = SeriesKey(environment: "SIMULATOR", epic: "CS.D.GBPUSD.TODAY.IP", resolution: .hour)
            func stored(_ key: SeriesKey, _ from: String, _ to: String) async throws -> Int {
                let range = TimeRange(from: UTCDateText.date(from)!, to: UTCDateText.date(to)!)
                return try await store.table(key, in: range).rows.count
            }
            // The overlap's first day was stored by the first ask: served from the store; its second day was new.
            let overlapStored = try await stored(key, "2025-03-05", "2025-03-06")
            let overlapNew = try await stored(key, "2025-03-06", "2025-03-07")
            #expect(overlapStored > 0 && overlapNew > 0)
            #expect(overlap == [overlapStored + overlapNew, overlapStored, overlapNew, overlapNew])

            // The backfill fetched the rest of the week of both series, a point a bar, none to probe the allowance
            // (the asks had told the store what remains).
            let week = try await stored(key, "2025-03-03", "2025-03-10")
            let otherWeek = try await stored(other, "2025-03-03", "2025-03-10")
            await store.close()
            #expect(otherWeek > 0)
            // "U units, B bars, P points (Q of them …); stopped: nothing left to fetch; R points remain, a reserve of 1000 kept"
            let backfill = run.counts("Backfill:", lastPart: false)
            try #require(backfill.count == 6, "\(run.lines)")
            let backfillBars = week - first[0] - overlapNew + otherWeek
            #expect(backfill[1] == backfillBars)
            #expect(backfill[2] == backfillBars && backfill[3] == 0)
            #expect(run.lines.contains { $0.contains("stopped: nothing left to fetch;") }, "\(run.lines)")
            // What remains is the simulator's weekly 10,000 less every point the run spent.
            #expect(backfill[4] == 10_000 - first[3] - overlap[3] - backfill[2])
            #expect(backfill[5] == 1_000)

            // The read-back summary is the store's.
            #expect(run.lines.contains { $0.contains("CS.D.EURUSD.TODAY.IP HOUR: \(week) bars,") })
            #expect(run.lines.contains { $0.contains("CS.D.GBPUSD.TODAY.IP HOUR: \(otherWeek) bars,") })

            // Run again on the same store (a new simulator on a new port): everything is served from the store, as the
            // sample files the embedded simulator's series under one name whatever its port.
            let rerun = try await Self.runSample(executable, store: path, directory: directory, name: "second")
            #expect(rerun.counts("First ask:") == [first[0], first[0], 0, 0])
            #expect(rerun.counts("Overlap:") == [overlap[0], overlap[0], 0, 0])
            #expect(rerun.counts("Plan:", lastPart: false) == [0, 0, 0])
            #expect(Array(rerun.counts("Backfill:", lastPart: false).prefix(4)) == [0, 0, 0, 0])
        }
    }
}
