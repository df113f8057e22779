import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGCommands

@Suite("ig history sync: a stale allowance figure, the queue without targets, targets files as people write them")
struct HistorySyncTests {
    static let epic = "CS.D.EURUSD.TODAY.IP"

    @Test("a stale allowance in the store is checked with IG (one point) before the sync stops on it")
    func staleAllowanceChecked() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let sync = [
                    "history", "sync", Self.epic, "-r", "HOUR", "--store", path, "--base-url", url.absoluteString,
                ]
                let first = await runIGCapturing(sync + ["--from", "2025-03-03", "--to", "2025-03-05"])
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                // The store is told that only 30 points remain, as an old report from before a reset would say.
                let store = try await MarketDataStore.open(.sqlite(path: path))
                let environment = url.absoluteString
                let account = try #require(
                    try await store.allowance(environment: environment, since: .distantPast).first?.account)
                let key = SeriesKey(environment: environment, epic: Epic(rawValue: Self.epic), resolution: .hour)
                try await store.commit(
                    FetchedBars(
                        key: key, rows: [], covered: TimeRange(start: 0, end: 0),
                        ledger: LedgerEntry(
                            at: Date(), account: account, epic: Self.epic, resolution: "HOUR",
                            range: TimeRange(start: 0, end: 0), points: 0, remaining: 30, total: 10_000,
                            resetsAt: Date().addingTimeInterval(86_400))))
                await store.close()

                // Two more days need up to 48 points: IG, asked, says 9,950 remain (48 spent and 1 asked by the first
                // run, which began with no figure, 1 for asking now), and the sync goes on.
                let second = await runIGCapturing(
                    sync + ["--from", "2025-03-03", "--to", "2025-03-07", "--reserve", "0"])
                #expect(second.exitStatus == 0, "\(String(describing: second.error))")
                #expect(
                    second.output.contains(
                        "Fetched 48 bars in 1 unit (2 requests, 49 points, 1 of them to ask IG what remains)."),
                    "\(second.output)")
                #expect(second.output.contains("9902 points left"), "\(second.output)")

                // Where even a whole allowance leaves no room above the reserve, IG is not asked; the reason is said.
                let stopped = await runIGCapturing(
                    sync + ["--from", "2025-03-03", "--to", "2025-03-09", "--reserve", "9990"])
                #expect(stopped.exitStatus == 75, "\(String(describing: stopped.error))")
                #expect(
                    stopped.output.contains(
                        "Fetched 0 bars in 0 units (0 requests, 0 points). 9902 points left, resetting at "),
                    "\(stopped.output)")
                #expect(
                    stopped.output.contains(
                        "Stopped before the reserve: the next unit may cost up to 48 points and 0 remain above the "
                            + "reserve of 9990; run again after the allowance resets, or lower --reserve."),
                    "\(stopped.output)")
            }
        }
    }

    @Test("a sync that starts while another worker holds a half-fetched unit leaves the rest of that unit to it")
    func heldUnitNotPlannedAgain() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                // Worker A claimed Monday 2025-03-03 and committed its first six hours, then goes on fetching.
                let monday: Int64 = 1_740_960_000
                let key = SeriesKey(environment: url.absoluteString, epic: Epic(rawValue: Self.epic), resolution: .hour)
                let day = TimeRange(start: monday, end: monday + 86_400)
                let store = try await MarketDataStore.open(.sqlite(path: path))
                #expect(try await store.enqueue([PlannedUnit(key: key, range: day, points: 24, priority: 0)]) == 1)
                let now = Date()
                _ = try #require(
                    try await store.claim(environment: key.environment, worker: "A", until: now + 300, now: now))
                try await store.commit(
                    FetchedBars(key: key, rows: [], covered: TimeRange(start: monday, end: monday + 6 * 3_600)),
                    now: now)
                await store.close()

                let connection = ["--store", path, "--base-url", url.absoluteString, "--worker", "B"]
                let sync = [
                    "history", "sync", Self.epic, "-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04T23:00",
                ]
                let dry = await runIGCapturing(sync + connection + ["--dry-run"])
                #expect(dry.output.contains("1 unit"), "only Tuesday is planned: \(dry.output)")
                let run = await runIGCapturing(sync + connection)
                #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                #expect(
                    run.output.contains("Fetched 23 bars in 1 unit"), "Tuesday alone (no bar at 22:00): \(run.output)")
                let status = try await IGCommand.output(of: ["history", "status", "--store", path])
                #expect(status.contains("held by A until"), "\(status)")

                // With Tuesday fetched, what is missing is A's: nothing to fetch, and the line says who has it.
                let again = await runIGCapturing(sync + connection)
                #expect(again.exitStatus == 0, "\(String(describing: again.error))")
                #expect(
                    again.output.contains(
                        "Nothing to fetch: what the store lacks of the targets is being fetched by other workers"),
                    "\(again.output)")
            }
        }
    }

    @Test("a unit an ended sync of this machine and account held is taken back at once, with no epic given too")
    func endedSyncTakenBack() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let account = try await IGClient.withClient(simulatorAt: url) { client in
                    try await client.session.login()
                    return try #require(await client.session.current?.accountId.rawValue)
                }
                let ended = try ChildProcess(executable: "/bin/true", arguments: [])
                try await ended.exit()
                let holder = BackfillWorker(
                    host: BackfillWorker.thisHost, account: account, processIdentifier: ended.processIdentifier)
                // The ended sync claimed Monday 2025-03-03 with most of its lease left.
                let monday: Int64 = 1_740_960_000
                let key = SeriesKey(environment: url.absoluteString, epic: Epic(rawValue: Self.epic), resolution: .hour)
                let store = try await MarketDataStore.open(.sqlite(path: path))
                _ = try await store.enqueue(
                    [
                        PlannedUnit(
                            key: key, range: TimeRange(start: monday, end: monday + 86_400), points: 24, priority: 0)
                    ])
                let now = Date()
                _ = try #require(
                    try await store.claim(
                        environment: key.environment, worker: holder.description, until: now + 3_600, now: now))
                await store.close()

                let connection = ["--store", path, "--base-url", url.absoluteString]
                // Under a name given by hand the unit stays with its holder: nothing is waiting for this sync.
                let named = await runIGCapturing(["history", "sync", "--worker", "by-hand"] + connection)
                #expect(named.exitStatus == 64, "\(named.output) \(String(describing: named.error))")
                let run = await runIGCapturing(["history", "sync"] + connection)
                #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                #expect(
                    run.notes.contains(
                        "Taking back what ended syncs of this machine and account held (process "
                            + "\(ended.processIdentifier), no longer running): 1 unit of \(Self.epic) HOUR, at most 24 "
                            + "points."),
                    "\(run.notes)")
                #expect(
                    run.output.contains(
                        "No targets given: fetching what an earlier run left in the queue: 1 unit of \(Self.epic) HOUR"),
                    "\(run.output)")
                #expect(run.output.contains("Fetched 24 bars in 1 unit"), "\(run.output)")
            }
        }
    }

    @Test("with no epic, sync fetches what the queue holds; with nothing queued it says what to give (64)")
    func drainsQueue() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let connection = ["--store", path, "--base-url", url.absoluteString]
                let missing = await runIGCapturing(["history", "sync"] + connection)
                #expect(missing.exitStatus == 64)
                #expect("\(String(describing: missing.error))".contains("there is no store at \(path) yet"))
                #expect(!FileManager.default.fileExists(atPath: path), "nothing is created")

                let sync = ["history", "sync", Self.epic, "-r", "HOUR"] + connection
                let first = await runIGCapturing(sync + ["--from", "2025-03-03", "--to", "2025-03-04"])
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                let empty = await runIGCapturing(["history", "sync"] + connection)
                #expect(empty.exitStatus == 64)
                #expect(
                    "\(String(describing: empty.error))".contains(
                        "Give at least one epic (ig history sync EPIC… or --epic EPIC), or --targets FILE. (Without "
                            + "them a sync fetches what earlier runs left in the queue of \(url.absoluteString), and "
                            + "nothing is waiting there.)"),
                    "\(String(describing: empty.error))")

                let stopped = await runIGCapturing(
                    sync + ["--from", "2025-03-03", "--to", "2025-03-06", "--reserve", "9990"])
                #expect(stopped.exitStatus == 75, "\(String(describing: stopped.error))")
                let dry = await runIGCapturing(["history", "sync", "--dry-run"] + connection)
                #expect(dry.exitStatus == 0, "\(String(describing: dry.error))")
                #expect(dry.output.contains("Also waiting in the queue from an earlier run: 1 unit"), "\(dry.output)")
                let drained = await runIGCapturing(["history", "sync"] + connection)
                #expect(drained.exitStatus == 0, "\(String(describing: drained.error))")
                #expect(
                    drained.output.contains(
                        "No targets given: fetching what an earlier run left in the queue: 1 unit of \(Self.epic) HOUR"),
                    "\(drained.output)")
                #expect(drained.output.contains("Fetched 48 bars in 1 unit"), "\(drained.output)")

                // A range with no epic is still a mistake.
                let rangeOnly = await runIGCapturing(["history", "sync", "--from", "2025-03-03"] + connection)
                #expect(rangeOnly.exitStatus == 64)
            }
        }
    }

    @Test("targets files take the dates --from takes, Windows line ends, and say when they hold no target")
    func targetsAsWritten() async throws {
        let targets = try SyncTarget.parse(
            file: "CS.D.EURUSD.TODAY.IP MINUTE 2026-11-30T00:00 2026-11-30T12:00+01:00\r\n"
                + "# a comment\r\nIX.D.FTSE.DAILY.IP HOUR 2026-11-30T00:00:00Z 2026-12-01\r\n")
        #expect(targets.count == 2)
        #expect(targets[0].range == TimeRange(start: 1_795_996_800, end: 1_795_996_800 + 11 * 3_600))
        #expect(targets[1].range == TimeRange(start: 1_795_996_800, end: 1_796_083_200))
        do {
            _ = try SyncTarget.parse(file: "X.Y MINUTE 2026-11-30 soon\r\n")
            Issue.record("a bad date was accepted")
        } catch {
            #expect(!error.description.contains("\r"), "\(error.description.debugDescription)")
            #expect(error.description.contains("unreadable date (give 2026-11-01, 2026-11-01T10:00"))
        }

        try await withTemporaryDirectory { directory in
            let file = directory + "/targets.txt"
            try Data("# nothing yet\n\n".utf8).write(to: URL(fileURLWithPath: file))
            let sync = ["history", "sync", "--store", directory + "/store.sqlite", "--dry-run", "--targets"]
            let empty = await runIGCapturing(sync + [file])
            #expect(empty.exitStatus == 64)
            #expect(
                "\(String(describing: empty.error))".contains(
                    "The targets file \(file) holds no targets (only blank lines or # comments)"))
            let folder = await runIGCapturing(sync + [directory])
            #expect(folder.exitStatus == 64)
            #expect("\(String(describing: folder.error))".contains("--targets \(directory) is a folder"))
            let absent = await runIGCapturing(sync + [directory + "/nope.txt"])
            #expect(absent.exitStatus == 64)
            #expect("\(String(describing: absent.error))".contains("There is no targets file at \(directory)/nope.txt"))
            // A mistyped --from is named as such, not hidden behind "Give --from".
            let typo = await runIGCapturing(["history", "sync", Self.epic, "--form", "2025-03-03", "--dry-run"])
            #expect(typo.exitStatus == 64)
            let message = IGCommand.fullMessage(for: try #require(typo.error))
            #expect(message.contains("Unknown option '--form'. Did you mean '--from'?"), "\(message)")
        }
    }

    @Test("an epic typed in another letter case is the series the store holds: paid once, by sync and by prices")
    func epicLetterCase() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let connection = ["--store", directory + "/store.sqlite", "--base-url", url.absoluteString]
                let range = ["-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04"]
                let first = await runIGCapturing(["history", "sync", Self.epic] + range + connection)
                #expect(first.output.contains("Fetched 24 bars"), "\(first.output)")
                let lower = Self.epic.lowercased()
                let again = await runIGCapturing(["history", "sync", lower] + range + connection)
                #expect(again.exitStatus == 0, "\(String(describing: again.error))")
                #expect(again.output.contains("Nothing to fetch"), "\(again.output)")
                #expect(
                    again.notes.contains(
                        "Using \(Self.epic) for \(lower): the store holds its bars under that spelling"),
                    "\(again.notes)")
                let prices = await runIGCapturing(
                    ["prices", lower, "--from", "2025-03-03T00:00", "--to", "2025-03-03T23:00", "-r", "HOUR"]
                        + connection)
                #expect(
                    prices.output.contains("24 bars: 24 from the store, 0 from IG; 0 points spent."), "\(prices.output)"
                )
                let status = await runIGCapturing(["history", "status", "--store", directory + "/store.sqlite"])
                #expect(!status.output.contains(lower), "one series: \(status.output)")
            }
        }
    }

    @Test("one run naming an epic in two letter cases fetches it once, under the first spelling")
    func epicLetterCaseInOneRun() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = directory + "/store.sqlite"
                let run = await runIGCapturing([
                    "history", "sync", Self.epic, Self.epic.lowercased(), "-r", "HOUR", "--from", "2025-03-03", "--to",
                    "2025-03-04", "--store", store, "--base-url", url.absoluteString,
                ])
                #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                #expect(run.output.contains("Fetched 24 bars in 1 unit"), "\(run.output)")
                #expect(
                    run.notes.contains("synced \(Self.epic.lowercased()) as \(Self.epic) (given in both spellings)"),
                    "\(run.notes)")
                let status = await runIGCapturing(["history", "status", "--store", store])
                #expect(!status.output.contains(Self.epic.lowercased()), "one series: \(status.output)")
            }
        }
    }

    @Test("a range that starts in the future, an empty epic and a device as targets are refused (64) with a reason")
    func refusedTargets() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/targets.txt"
            try Data("\(Self.epic) HOUR 2029-11-30 2030-12-01   # next year's\n".utf8).write(
                to: URL(fileURLWithPath: file))
            let sync = ["history", "sync", "--store", directory + "/store.sqlite", "--dry-run"]
            try await ForgivingOptionsTests.expectUsageErrors([
                (sync + [Self.epic, "--from", "2029-11-30", "--to", "2030-12-01"], "starts in the future"),
                (sync + ["--targets", file], "\(Self.epic) HOUR from 2029-11-30T00:00:00Z starts in the future"),
                (sync + ["", "--last", "2h"], "'' is not an epic"),
                (sync + ["--targets", "/dev/null"], "--targets /dev/null is not a regular file"),
            ])
            #expect(!FileManager.default.fileExists(atPath: directory + "/store.sqlite"), "nothing created")
            // Options that only epics on the command line take are named when the file gives every range.
            try Data("\(Self.epic) HOUR 2025-03-03 2025-03-04\n".utf8).write(to: URL(fileURLWithPath: file))
            let named = await runIGCapturing(sync + ["--targets", file, "--from", "2025-01-01"])
            #expect(named.exitStatus == 0, "\(String(describing: named.error))")
            #expect(named.notes.contains("each line of \(file) gives its own resolution and range"), "\(named.notes)")
        }
    }

    @Test("a reserve of the whole weekly allowance says to lower it, not to wait for the reset, and asks IG once")
    func reserveOfTheWholeAllowance() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let sync = [
                    "history", "sync", Self.epic, "-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04",
                    "--reserve", "20000", "--store", directory + "/store.sqlite", "--base-url", url.absoluteString,
                ]
                let first = await runIGCapturing(sync)
                #expect(first.exitStatus == 75, "\(String(describing: first.error))")
                #expect(
                    first.output.contains("the reserve of 20000 keeps the whole weekly allowance of 10000 points"),
                    "\(first.output)")
                #expect(!first.output.contains("run again after the allowance resets"), "\(first.output)")
                #expect(first.output.contains("(1 request, 1 point, 1 of them to ask IG what remains)"))
                // The figure is known now: the next run spends nothing to learn it again.
                let second = await runIGCapturing(sync)
                #expect(second.output.contains("(0 requests, 0 points)"), "\(second.output)")
                #expect(second.output.contains("keeps the whole weekly allowance"), "\(second.output)")
            }
        }
    }
}
