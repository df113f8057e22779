import Foundation
import IGMarketData
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

/// The `ig` executable next to the test bundle (built by `swift build --build-tests`), if present.
let igExecutable: URL? = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    for directory in [
        bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent(),
    ] {
        let candidate = directory.appendingPathComponent("ig")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()

/// Starts `ig ARGUMENTS…` with its output in files.
func startIG(_ arguments: [String], directory: String, name: String) throws -> ChildProcess {
    guard let executable = igExecutable else { throw ChildProcess.LaunchError(description: "ig is not built") }
    return try ChildProcess(
        executable: executable.path, arguments: arguments, standardOutput: directory + "/\(name).out",
        standardError: directory + "/\(name).err")
}

func waitForExit(_ process: ChildProcess) async throws {
    try await process.exit()
}

// Needs the `ig` executable (built with the tests by `swift build --build-tests`, as .ci/run does).
@Suite("ig history sync as a process", .enabled(if: igExecutable != nil, "the ig executable is not built"))
struct SyncProcessTests {
    @Test("killed with SIGKILL mid-sync, the store stays consistent and the next run resumes without refetching")
    func resumeAfterKill() async throws {
        try await withSimulator(plentifulAllowance) { simulator, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                // Four weeks of MINUTE bars in pages of 200: 20 weekdays, 28,800 bars, 144 requests.
                let arguments = [
                    "history", "sync", "--base-url", url.absoluteString, "--epic", "CS.D.EURUSD.TODAY.IP",
                    "--from", "2025-02-03T00:00:00", "--to", "2025-03-03T00:00:00", "--store", path,
                    "--page-size", "200", "--reserve", "0",
                ]
                let key = SeriesKey(environment: url.absoluteString, epic: eurusd, resolution: .minute)
                // The store exists before the sync starts; the test reads it while the sync writes (WAL mode).
                let watcher = try await MarketDataStore.open(.sqlite(path: path))
                let first = try startIG(arguments, directory: directory, name: "first")
                // Kill it once some bars are committed.
                var committed = 0
                while first.isRunning, committed < 2_000 {
                    try await Task.sleep(for: .milliseconds(10))
                    committed = try await watcher.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows.count
                }
                await watcher.close()
                #expect(first.isRunning, "the first run must still be running when it is killed")
                first.send(SIGKILL)
                try await waitForExit(first)
                #expect(first.terminationStatus == 128 + SIGKILL)

                let store = try await MarketDataStore.open(.sqlite(path: path))
                let afterKill = try await store.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows.count
                let coverage = try await store.coverage(key)
                // Everything covered has its bars: covered minutes on weekdays = stored bars.
                let coveredBars = coverage.ranges.reduce(0) { total, range in
                    total + Self.weekdayMinutes(range)
                }
                #expect(coveredBars == afterKill)
                await store.close()
                // The page the first run asked for as it died may still be served (and counted) after the kill: wait
                // until the simulator's count has settled (unchanged for a second; at most ten).
                var servedBeforeResume = await simulator.statistics().pricePoints
                for _ in 0..<10 {
                    try await Task.sleep(for: .seconds(1))
                    let now = await simulator.statistics().pricePoints
                    if now == servedBeforeResume { break }
                    servedBeforeResume = now
                }

                let second = try startIG(arguments, directory: directory, name: "second")
                try await waitForExit(second)
                #expect(second.terminationStatus == 0)
                let reopened = try await MarketDataStore.open(.sqlite(path: path))
                let rows = try await reopened.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
                #expect(rows.count == 20 * 1440)
                #expect(Set(rows.map(\.time)).count == rows.count)
                await reopened.close()
                // The resumed run fetched only what was not committed: the served total exceeds the distinct bars
                // by at most the page in flight when the first run died.
                let served = await simulator.statistics().pricePoints
                #expect(served - servedBeforeResume == 20 * 1440 - afterKill)
                #expect(served <= 20 * 1440 + 200)
            }
        }
    }

    /// MINUTE bar starts on weekdays in a range.
    static func weekdayMinutes(_ range: TimeRange) -> Int {
        var count = 0
        var minute = (range.start + 59) / 60 * 60
        while minute < range.end {
            let weekday = ((minute / 86_400) + 3) % 7
            if weekday < 5 { count += 1 }
            minute += 60
        }
        return count
    }
}
