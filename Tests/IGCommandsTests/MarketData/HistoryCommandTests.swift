import Foundation
import GRDB
import IGCommands
import IGMarketData
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig prices --store and ig history, in process against an embedded simulator")
struct HistoryCommandTests {
    @Test("the second ig prices --store serves every bar from the store and spends 0 points")
    func pricesWithStore() async throws {
        try await withTemporaryDirectory { directory in
            let arguments = [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T10:59:00", "--store", directory + "/store.sqlite",
            ]
            let first = try await IGCommand.output(of: arguments)
            // 60 bars may cost more than 50 points: the allowance is checked first (one point, in the ledger).
            #expect(
                first.contains(
                    "60 bars: 0 from the store, 60 from IG; 61 points spent (1 of them to ask IG what remains)."),
                "\(first)")
            let second = try await IGCommand.output(of: arguments)
            #expect(second.contains("60 bars: 60 from the store, 0 from IG; 0 points spent."))

            let status = try await IGCommand.output(of: ["history", "status", "--store", directory + "/store.sqlite"])
            #expect(status.contains("CS.D.EURUSD.TODAY.IP  EUR/USD  MINUTE"), "\(status)")
            #expect(status.contains("61 points spent in the last 7 days (2 requests)"), "\(status)")
            // Each command ran its own embedded simulator; the line says why IG's last figure does not add up.
            #expect(status.contains("(the embedded simulator gives each ig command a fresh allowance)."), "\(status)")
            let json = try await IGCommand.output(of: [
                "history", "status", "--store", directory + "/store.sqlite", "--format", "json",
            ])
            let markets = try #require(
                (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["markets"]
                    as? [[String: Any]])
            #expect(markets.count == 1)
            #expect(markets.first?["name"] as? String == "EUR/USD")
            #expect(markets.first?["instrumentType"] as? String == "CURRENCIES")
            let export = try await IGCommand.output(of: [
                "history", "export", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--store", directory + "/store.sqlite",
                "--format", "ndjson",
            ])
            #expect(export.split(separator: "\n").count == 60)
        }
    }

    @Test("ig prices --store without a range: the last --max bars, stored once; again, only the bar still forming")
    func latestWithStore() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory + "/store.sqlite"
            let arguments = ["prices", "CS.D.BITCOIN.TODAY.IP", "--max", "8", "--store", store]
            let first = try await IGCommand.output(of: arguments)
            #expect(first.contains("8 bars: 0 from the store, 8 from IG; 8 points spent."), "\(first)")
            let svg = directory + "/chart.svg"
            let second = try await IGCommand.output(of: arguments + ["--chart", "--svg", svg])
            #expect(
                second.contains("8 bars: 7 from the store, 1 from IG; 1 point spent.")
                    || second.contains("8 bars: 8 from the store, 0 from IG; 0 points spent.")
                    // In an hour's first seconds a range request may not see the hour IG's `max` returned: one bar
                    // short, the last eight are asked of IG.
                    || second.contains("8 bars: 0 from the store, 8 from IG; 8 points spent."), "\(second)")
            #expect(second.contains("CS.D.BITCOIN.TODAY.IP  HOUR  mid prices, UTC"), "\(second)")
            let document = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(document.hasPrefix("<svg") || document.hasPrefix("<?xml"))
            let status = try await IGCommand.output(of: ["history", "status", "--store", store])
            #expect(status.contains("CS.D.BITCOIN.TODAY.IP"), "\(status)")
        }
    }

    @Test("one bar is a bar and one point a point: the store's counts read as sentences")
    func singular() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory + "/store.sqlite"
            let output = try await IGCommand.output(of: [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T10:00:30", "--store", store,
            ])
            #expect(output.contains("1 bar: 0 from the store, 1 from IG; 1 point spent."), "\(output)")
            let status = try await IGCommand.output(of: ["history", "status", "--store", store])
            #expect(status.contains("1 point spent in the last 7 days (1 request)"), "\(status)")
            let plan = try await IGCommand.output(of: [
                "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--to",
                "2025-03-03T00:05", "--store", store, "--dry-run",
            ])
            #expect(plan.contains("Plan: 1 unit, about 5 points"), "\(plan)")
        }
    }

    @Test("ig history sync --dry-run prints the plan and its points without fetching")
    func dryRun() async throws {
        try await withTemporaryDirectory { directory in
            let output = try await IGCommand.output(of: [
                "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03T00:00:00", "--to",
                "2025-03-06T00:00:00", "--store", directory + "/store.sqlite", "--dry-run",
            ])
            #expect(output.contains("Plan: 3 units, about 4320 points (at most 4320"))
        }
    }

    @Test("--dry-run leaves weekends out of the estimate, unless stored bars show the market trades then")
    func dryRunWeekends() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory + "/store.sqlite"
            func plan(_ epic: String) async throws -> String {
                try await IGCommand.output(of: [
                    "history", "sync", "--epic", epic, "--from", "2025-03-07T00:00:00", "--to", "2025-03-11T00:00:00",
                    "--store", store, "--dry-run",
                ])
            }
            // Friday to Tuesday: four days of MINUTE bars at most, two of them on the weekend.
            #expect(try await plan("CS.D.EURUSD.TODAY.IP").contains("Plan: 4 units, about 2880 points (at most 5760"))
            // Bitcoin's stored hourly bars fill the weekend: the estimate counts every day.
            _ = try await IGCommand.output(of: [
                "prices", "CS.D.BITCOIN.TODAY.IP", "-r", "HOUR", "--from", "2025-03-08T00:00:00", "--to",
                "2025-03-09T23:00:00", "--store", store,
            ])
            let bitcoin = try await plan("CS.D.BITCOIN.TODAY.IP")
            #expect(bitcoin.contains("Plan: 4 units, about 5760 points (at most 5760"))
            #expect(bitcoin.contains("all week"))
            // EUR/USD's stored weekend is empty: still weekdays.
            _ = try await IGCommand.output(of: [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-08T00:00:00", "--to",
                "2025-03-09T23:00:00", "--store", store,
            ])
            #expect(try await plan("CS.D.EURUSD.TODAY.IP").contains("about 2880 points"))
        }
    }

    @Test("a mistyped range (SECOND bars from the year 1) is refused at once, before 44 million units are cut")
    func planTooLarge() async throws {
        try await withTemporaryDirectory { directory in
            let store = directory + "/store.sqlite"
            await #expect {
                _ = try await IGCommand.output(of: [
                    "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "SECOND", "--from", "0001-01-01",
                    "--to", "2025-03-06", "--store", store, "--dry-run",
                ])
            } throws: {
                let text = String(describing: $0)
                return text.contains("more than the 100,000,000 a plan may need")
                    && text.contains("(reached at CS.D.EURUSD.TODAY.IP SECOND)")
                    && text.contains("Nothing was fetched or queued") && text.contains("Give a later --from")
            }
            // Nothing was queued: the same store still plans the three weekdays.
            let output = try await IGCommand.output(of: [
                "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--to", "2025-03-06",
                "--store", store, "--dry-run",
            ])
            #expect(output.contains("Plan: 3 units, about 4320 points (at most 4320"))
        }
    }

    @Test("a targets file that is not UTF-8 text is refused with the form a line takes")
    func targetsNotText() async throws {
        try await withTemporaryDirectory { directory in
            let targets = directory + "/targets.txt"
            try Data([0xFF, 0xFE, 0x41, 0x0A]).write(to: URL(fileURLWithPath: targets))
            await #expect {
                _ = try await IGCommand.output(of: [
                    "history", "sync", "--targets", targets, "--store", directory + "/store.sqlite", "--dry-run",
                ])
            } throws: {
                String(describing: $0).contains("is not UTF-8 text: write one 'EPIC RESOLUTION FROM TO' per line")
            }
        }
    }

    @Test(
        "a store whose times another tool set to Int64's extremes: ig history and ig prices say so (they trapped)",
        arguments: [
            "UPDATE coverage SET start_time = -9223372036854775808",
            "UPDATE coverage SET end_time = 9223372036854775807",
            "UPDATE requests SET resets_at = 9223372036854775807",
            "UPDATE requests SET remaining = -9223372036854775808",
            "UPDATE series SET updated_at = -9223372036854775808",
        ])
    func tamperedStore(change: String) async throws {
        try await withTemporaryDirectory { directory in
            let store = directory + "/store.sqlite"
            let prices = [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T10:59:00", "--store", store,
            ]
            _ = try await IGCommand.output(of: prices)
            let raw = try DatabaseQueue(path: store)
            try await raw.write { try $0.execute(sql: change) }
            try raw.close()
            // history status reads every table the change touches; the others may not read it, but none may trap.
            await #expect {
                _ = try await IGCommand.output(of: ["history", "status", "--store", store])
            } throws: {
                String(describing: $0).contains("holds a value swift-ig cannot read")
            }
            for arguments in [
                prices,
                [
                    "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-04T09:00", "--to",
                    "2025-03-04T12:00", "--store", store, "--dry-run",
                ],
            ] {
                do {
                    _ = try await IGCommand.output(of: arguments)
                } catch {
                    #expect(String(describing: error).contains("holds a value swift-ig cannot read"), "\(error)")
                }
            }
        }
    }

    @Test("ig history forget shows what it would remove, removes it only with --yes, and the bars are paid again")
    func forget() async throws {
        try await withTemporaryDirectory { directory in
            let store = ["--store", directory + "/store.sqlite"]
            let prices = [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T10:59:00",
            ]
            _ = try await IGCommand.output(of: prices + store)
            let epic = ["history", "forget", "CS.D.EURUSD.TODAY.IP", "--environment", "SIMULATOR"]

            let preview = try await IGCommand.output(of: epic + store)
            #expect(preview.contains("Would remove 1 series (60 bars). Nothing removed: add --yes"), "\(preview)")
            let kept = try await IGCommand.output(of: prices + store)
            #expect(kept.contains("60 from the store, 0 from IG; 0 points spent."), "\(kept)")

            let removed = try await IGCommand.output(of: epic + store + ["--yes"])
            #expect(removed.contains("Removed 1 series (60 bars)."), "\(removed)")
            // The ledger outlives the series it paid for: status still says what was spent.
            let ledgerOnly = try await IGCommand.output(of: ["history", "status"] + store)
            #expect(ledgerOnly.contains("holds no series yet"), "\(ledgerOnly)")
            #expect(ledgerOnly.contains("SIMULATOR account") && ledgerOnly.contains("points spent"), "\(ledgerOnly)")
            let again = try await IGCommand.output(of: prices + store)
            // 60 points, more than 50: one more learns the allowance first (the store is empty again).
            #expect(
                again.contains("0 from the store, 60 from IG; 61 points spent (1 of them to ask IG what remains)."),
                "\(again)")
            let other = try await IGCommand.output(of: epic + ["-r", "HOUR", "--yes"] + store)
            #expect(other.contains("Nothing to remove"), "\(other)")
            #expect(other.contains("Give -r MINUTE."), "what the store holds of the epic: \(other)")
            let lowercase = try await IGCommand.output(
                of: ["history", "forget", "cs.d.eurusd.today.ip", "--environment", "SIMULATOR", "--yes"] + store)
            #expect(lowercase.contains("Nothing to remove"), "\(lowercase)")
            #expect(lowercase.contains("Give the epic as CS.D.EURUSD.TODAY.IP."), "\(lowercase)")

            let environment = try await IGCommand.output(
                of: ["history", "forget", "--environment", "SIMULATOR", "--yes"] + store)
            // Two fetches were paid, each after a one-point allowance check: the first and the one after forgetting;
            // the store's answers cost nothing.
            #expect(
                environment.contains("Removed the environment SIMULATOR: 1 series, 60 bars, 0 recorded rows, 4 ledger"),
                "\(environment)")
            let status = try await IGCommand.output(of: ["history", "status"] + store)
            #expect(status.contains("holds no series yet") && !status.contains("points spent"), "\(status)")

            let usage = await runIGCapturing(["history", "forget", "-r", "HOUR", "--environment", "DEMO"] + store)
            #expect(usage.exitStatus == 64)

            // A series with no bars holds what IG answered as empty; the preview says forgetting it costs a request.
            _ = try await IGCommand.output(
                of: [
                    "prices", "CS.D.GBPUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-08", "--to", "2025-03-08T20:00",
                ]
                    + store)
            let empty = try await IGCommand.output(of: ["history", "forget", "--environment", "SIMULATOR"] + store)
            #expect(
                empty.contains(
                    "CS.D.GBPUSD.TODAY.IP HOUR (SIMULATOR): 0 bars; 1 range known to hold none (asked of IG again"),
                "\(empty)")
        }
    }

    @Test(
        "a stopped sync's leftover units: the dry run and status say so, forget --queued cancels them and keeps the bars"
    )
    func leftoverUnits() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = ["--store", directory + "/store.sqlite"]
                let connection = ["--base-url", url.absoluteString]
                let sync = ["history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP"] + store + connection
                // A first day tells the store what IG has left; two more days then stop at a reserve of 9,990.
                let first = await runIGCapturing(sync + ["-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04"])
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                let stopped = await runIGCapturing(
                    sync + ["-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-06", "--reserve", "9990"])
                #expect(stopped.exitStatus == 75, "\(String(describing: stopped.error))")

                // A dry run of other targets says the real run would fetch the leftover too.
                let day = ["-r", "DAY", "--from", "2025-03-03", "--to", "2025-03-04"]
                let dry = try await IGCommand.output(of: sync + day + ["--dry-run"])
                #expect(
                    dry.contains(
                        "Also waiting in the queue from an earlier run: 1 unit of CS.D.EURUSD.TODAY.IP HOUR, at most 48 "
                            + "points; this run fetches it too (`ig history forget --environment "),
                    "\(dry)")
                let status = try await IGCommand.output(of: ["history", "status"] + store)
                #expect(status.contains("queue: 1 unit waiting, at most 48 points;"), "\(status)")
                let json = try await IGCommand.output(of: ["history", "status", "--format", "json"] + store)
                let decoded = try JSONDecoder().decode(QueueJSON.self, from: Data(json.utf8))
                #expect(decoded.queue.map(\.state) == [.pending])
                #expect(decoded.queue.first?.unit.points == 48)
                // Each allowance entry names its environment: a store holds several.
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                let allowance = try #require((object["allowance"] as? [[String: Any]])?.first)
                #expect(allowance["environment"] as? String == url.absoluteString, "\(allowance)")
                // The bars' request and the one that asked IG what remained (the store had no figure).
                #expect(allowance["requests"] as? Int == 2 && allowance["spent"] as? Int == 25, "\(allowance)")
                // Times are UTC text, as `updatedAt` is, not seconds since 1970.
                let range = try #require(
                    ((object["queue"] as? [[String: Any]])?.first?["unit"] as? [String: Any])?["range"]
                        as? [String: Any])
                #expect(range["start"] as? String == "2025-03-04T00:00:00Z", "\(range)")
                let series = try #require((object["series"] as? [[String: Any]])?.first)
                let coverage = try #require(
                    ((series["coverage"] as? [String: Any])?["ranges"] as? [[String: Any]])?.first)
                #expect((coverage["start"] as? String)?.hasSuffix(":00:00Z") == true, "\(coverage)")

                // The command status gives: a preview, then with --yes the unit goes and the 24 bars stay.
                let cancel = try #require(
                    status.split(separator: "\n").first { $0.contains("units waiting") || $0.contains("unit waiting") }?
                        .split(separator: "`").dropFirst(3).first)
                #expect(cancel.hasPrefix("ig history forget --environment ") && cancel.hasSuffix(" --queued"))
                let arguments = cancel.split(separator: " ").dropFirst().map(String.init) + store
                let preview = try await IGCommand.output(of: arguments)
                #expect(preview.contains("CS.D.EURUSD.TODAY.IP HOUR"), "\(preview)")
                #expect(preview.contains("Would remove 1 queued unit; bars and coverage stay."), "\(preview)")
                let removed = try await IGCommand.output(of: arguments + ["--yes"])
                #expect(removed.contains("Removed 1 queued unit; bars and coverage stay."), "\(removed)")
                let after = try await IGCommand.output(of: ["history", "status"] + store)
                #expect(!after.contains("queue:"), "\(after)")
                #expect(after.contains("HOUR          24"), "\(after)")
                let fetched = await runIGCapturing(sync + day)
                #expect(fetched.output.contains("Fetched 1 bar in 1 unit"), "\(fetched.output)")
            }
        }
    }

    @Test("a real sync says first that it also fetches what an earlier run left queued, covered targets or not")
    func realRunNamesLeftover() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = ["--store", directory + "/store.sqlite"]
                let sync =
                    ["history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP"] + store + ["--base-url", url.absoluteString]
                let covered = ["-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04"]
                let first = await runIGCapturing(sync + covered)
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                let stopped = await runIGCapturing(
                    sync + ["-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-06", "--reserve", "9990"])
                #expect(stopped.exitStatus == 75, "\(String(describing: stopped.error))")

                // Its own targets are covered: it no longer says "Nothing to fetch" and then fetches.
                let again = await runIGCapturing(sync + covered)
                #expect(again.exitStatus == 0, "\(String(describing: again.error))")
                #expect(
                    again.output.contains(
                        "Every target is covered or queued already. Fetching what an earlier run left in the queue: 1 unit of "
                            + "CS.D.EURUSD.TODAY.IP HOUR, at most 48 points."),
                    "\(again.output)")
                #expect(!again.output.contains("Nothing to fetch"), "\(again.output)")
                #expect(again.output.contains("Fetched 48 bars in 1 unit"), "\(again.output)")

                // Targets of its own besides: the line says "also".
                let stoppedAgain = await runIGCapturing(
                    sync + ["-r", "HOUR", "--from", "2025-03-10", "--to", "2025-03-11", "--reserve", "9990"])
                #expect(stoppedAgain.exitStatus == 75, "\(String(describing: stoppedAgain.error))")
                let day = await runIGCapturing(sync + ["-r", "DAY", "--from", "2025-03-03", "--to", "2025-03-04"])
                #expect(day.exitStatus == 0, "\(String(describing: day.error))")
                #expect(
                    day.output.contains(
                        "Also fetching what an earlier run left in the queue: 1 unit of CS.D.EURUSD.TODAY.IP HOUR, "),
                    "\(day.output)")
                let status = try await IGCommand.output(of: ["history", "status"] + store)
                #expect(!status.contains("queue:"), "\(status)")
            }
        }
    }

    @Test(
        "sync takes epics as arguments beside --epic and --last for --from, refuses a future --from, and leaves the store one file"
    )
    func epicsAsArguments() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let run = await runIGCapturing(
                    ["history", "sync", "CS.D.EURUSD.TODAY.IP", "--epic", "CS.D.GBPUSD.TODAY.IP", "-r", "HOUR"]
                        + [
                            "--from", "2025-03-03", "--to", "2025-03-04", "--store", path, "--base-url",
                            url.absoluteString,
                        ])
                #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                #expect(run.output.contains("Fetched 48 bars in 2 units"), "\(run.output)")
                // Every command closes the store, which folds the log into the file: a copy of the file alone is whole.
                #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
                let copy = directory + "/copy.sqlite"
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                let status = try await IGCommand.output(of: ["history", "status", "--store", copy])
                for epic in ["CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP"] {
                    let line = status.split(separator: "\n").first { $0.contains(epic) }.map(String.init) ?? ""
                    #expect(line.contains(" 24 "), "\(status)")
                }
                // --last before --to: the two days before 2025-03-05, as --from 2025-03-03 would give.
                let last = await runIGCapturing(
                    ["history", "sync", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--last", "2d", "--to", "2025-03-05"]
                        + ["--store", path, "--base-url", url.absoluteString])
                #expect(last.output.contains("Fetched 24 bars in 1 unit"), "\(last.output)")
                let future = await runIGCapturing([
                    "history", "sync", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2999-01-01", "--store", path,
                ])
                #expect(future.exitStatus == 64)
                #expect(
                    "\(String(describing: future.error))".contains("--from 2999-01-01 is in the future"),
                    "\(String(describing: future.error))")
                let both = await runIGCapturing([
                    "history", "sync", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--last", "2d", "--store", path,
                ])
                #expect(both.exitStatus == 64)
                let none = await runIGCapturing([
                    "history", "sync", "-r", "HOUR", "--from", "2025-03-03", "--store", path,
                ])
                #expect(none.exitStatus == 64)
                #expect(
                    "\(String(describing: none.error))".contains("ig history sync EPIC…"),
                    "\(String(describing: none.error))")
            }
        }
    }

    @Test(
        "one server is one environment: a --base-url with a trailing / or capitals reuses the bars, and --environment takes demo or the URL as typed"
    )
    func oneServerOneEnvironment() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = ["--store", directory + "/store.sqlite"]
                let name =
                    url.absoluteString.hasSuffix("/") ? String(url.absoluteString.dropLast()) : url.absoluteString
                let sync = ["history", "sync", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-03"] + store
                let first = await runIGCapturing(sync + ["--to", "2025-03-04", "--base-url", name + "/"])
                // A new store knows no allowance: IG is asked first (one point), so the reserve holds.
                #expect(
                    first.output.contains(
                        "Fetched 24 bars in 1 unit (2 requests, 25 points, 1 of them to ask IG what remains)"),
                    "\(first.output)")
                // The same server without the slash and with the scheme in capitals: only the new day is paid.
                let second = await runIGCapturing(
                    sync + ["--to", "2025-03-05", "--base-url", "HTTP" + name.dropFirst(4)])
                #expect(second.output.contains("Fetched 24 bars in 1 unit (1 request, 24 points)"), "\(second.output)")
                let status = try await IGCommand.output(of: ["history", "status"] + store)
                let rows = status.split(separator: "\n").filter { $0.hasPrefix("http") && $0.contains("CS.D.") }
                #expect(rows.count == 1 && rows[0].contains("HOUR          48"), "\(status)")
                #expect(!status.contains(name + "/"), "\(status)")

                let show = ["history", "show", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR"] + store
                let typed = try await IGCommand.output(of: show + ["--environment", name + "/"])
                #expect(typed.contains("48 stored bars of CS.D.EURUSD.TODAY.IP HOUR (\(name))."), "\(typed)")
                // `--env`, as `ig history sync` spells it, works for every reading command too.
                let short = try await IGCommand.output(of: show + ["--env", name])
                #expect(short.contains("48 stored bars of CS.D.EURUSD.TODAY.IP HOUR (\(name))."), "\(short)")
                let demo = await runIGCapturing(["history", "status", "--env", "demo"] + store)
                #expect(
                    demo.output.contains("holds no series or recordings under DEMO; it holds some under \(name) "),
                    "\(demo.output)")
                let preview = try await IGCommand.output(
                    of: [
                        "history", "forget", "--env", name.uppercased() + "/",
                    ] + store)
                #expect(preview.contains("Would remove the environment \(name): 1 series (48 bars)"), "\(preview)")
            }
        }
    }

    @Test("a refused unit is listed by status with the command that removes it, which keeps every other series")
    func refusedUnitListed() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = ["--store", directory + "/store.sqlite"]
                let connection = ["--base-url", url.absoluteString]
                let refused = await runIGCapturing(
                    [
                        "history", "sync", "--epic", "CS.D.NOSUCH.IP", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "DAY",
                        "--from", "2025-03-03", "--to", "2025-03-05",
                    ] + store + connection)
                #expect(refused.exitStatus == 65, "\(String(describing: refused.error))")
                let status = try await IGCommand.output(of: ["history", "status"] + store)
                let line = try #require(status.split(separator: "\n").first { $0.contains("refused by IG") })
                #expect(
                    line.contains(
                        "queue: CS.D.NOSUCH.IP DAY from 2025-03-03T00:00:00Z to 2025-03-05T00:00:00Z refused by IG; "))
                let forget = try #require(line.split(separator: "`").dropFirst().first)
                #expect(forget.hasPrefix("ig history forget CS.D.NOSUCH.IP -r DAY --environment "))
                _ = try await IGCommand.output(
                    of: forget.split(separator: " ").dropFirst().map(String.init) + ["--yes"] + store)
                let after = try await IGCommand.output(of: ["history", "status"] + store)
                #expect(!after.contains("queue:"), "\(after)")
                #expect(after.contains("CS.D.EURUSD.TODAY.IP"), "\(after)")
                #expect(!after.contains("CS.D.NOSUCH.IP"), "a series that holds nothing is not listed: \(after)")
            }
        }
    }

    @Test("times at the calendar's edges: a range reaching before the year 1 is served and stored, and the store reads")
    func calendarEdges() async throws {
        try await withTemporaryDirectory { directory in
            let store = ["--store", directory + "/store.sqlite"]
            // 1,000 hours before 0001-01-01: the part before the year 1 is not asked for; the store stays readable.
            let early = await runIGCapturing(
                ["prices", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--to", "0001-01-01T02:00", "--max", "1000"] + store)
            #expect(early.exitStatus == 0, "\(String(describing: early.error))")
            #expect(early.output.contains("3 bars: 0 from the store, 3 from IG; 3 points spent."), "\(early.output)")
            let status = await runIGCapturing(["history", "status"] + store)
            #expect(status.exitStatus == 0, "\(String(describing: status.error))")
            #expect(status.output.contains("0001-01-01T00:00:00Z  0001-01-01T03:00:00Z"), "\(status.output)")
            // The same instant typed back: the three stored bars, no request.
            let shown = try await IGCommand.output(
                of: [
                    "history", "show", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "0001-01-01", "--to",
                    "0001-01-02",
                ]
                    + store)
            #expect(shown.contains("3 stored bars"), "\(shown)")
            let last = try await IGCommand.output(
                of: [
                    "history", "show", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--to", "0001-01-01T02:00", "--last", "2d",
                ]
                    + store)
            #expect(last.contains("2 stored bars"), "\(last)")
            // A span no calendar holds is a usage error, not a trap.
            let endless = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--last", "1e30w"] + store)
            #expect(endless.exitStatus == 64)
        }
    }

    @Test("a bad --store gets a clear message")
    func badStore() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await IGCommand.output(of: [
                "history", "status", "--store", "mysql://somewhere/db",
            ])
        }
    }

    @Test("a store path with no file: status says so, show, export and forget refuse it (64), and nothing is created")
    func missingStore() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/typo/store.sqlite"
            let store = ["--store", path]
            let status = try await IGCommand.output(of: ["history", "status"] + store)
            #expect(status.contains("There is no store at \(path) yet: `ig history sync EPIC"), "\(status)")
            #expect(!status.contains("ENVIRONMENT"), "\(status)")
            let json = await runIGCapturing(["history", "status", "--format", "json"] + store)
            #expect(json.exitStatus == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect((object["series"] as? [Any])?.isEmpty == true, "\(json.output)")
            #expect(json.notes.contains("There is no store at \(path)"), "\(json.notes)")
            for command in [
                ["history", "show", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR"],
                ["history", "export", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "-o", directory + "/out.csv"],
                ["history", "forget", "--environment", "DEMO", "--yes"],
            ] {
                let run = await runIGCapturing(command + store)
                #expect(run.exitStatus == 64, "\(command)")
                #expect("\(String(describing: run.error))".contains("There is no store at \(path)"), "\(command)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/typo"), "no directory or file was created")
            #expect(!FileManager.default.fileExists(atPath: directory + "/out.csv"))
        }
    }

    @Test("export -o that is a folder or empty is refused (64) before anything is read, with a file name to give")
    func exportToFolder() async throws {
        try await withTemporaryDirectory { directory in
            let export = ["history", "export", "CS.D.EURUSD.TODAY.IP", "-r", "1h", "--store", directory + "/s.sqlite"]
            let folder = await runIGCapturing(export + ["-o", directory])
            #expect(folder.exitStatus == 64)
            #expect(
                "\(String(describing: folder.error))".contains(
                    "is a folder: give a file in it, e.g. -o \(directory)/CS.D.EURUSD.TODAY.IP-HOUR.csv."),
                "\(String(describing: folder.error))")
            let empty = await runIGCapturing(export + ["-o", "", "-f", "json"])
            #expect(empty.exitStatus == 64)
            #expect(
                "\(String(describing: empty.error))".contains(
                    "-o needs a file name, e.g. -o CS.D.EURUSD.TODAY.IP-HOUR.json"),
                "\(String(describing: empty.error))")
        }
    }

    @Test(
        "ig history export and show print a series of several pages whole; a failed export leaves the file it would replace"
    )
    func longExport() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let epic = "CS.D.EURUSD.TODAY.IP"
            let key = SeriesKey(environment: "SIMULATOR", epic: Epic(rawValue: epic), resolution: .minute)
            let start: Int64 = 1_741_046_400
            // Three pages of the export: 10,000, 10,000 and 1.
            let count = 20_001
            let rows = (0..<count).map { index in
                let price = Decimal(sign: .plus, exponent: -5, significand: Decimal(108_000 + index % 997))
                return PriceTable.Row(
                    time: Date(timeIntervalSince1970: TimeInterval(start + Int64(index) * 60)),
                    bid: .init(open: price, high: price, low: price, close: price),
                    ask: .init(open: price, high: price, low: price, close: price),
                    lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: Decimal(index))
            }
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(
                FetchedBars(key: key, rows: rows, covered: TimeRange(start: start, end: start + Int64(count) * 60)))
            await store.close()

            let export = ["history", "export", epic, "-r", "MINUTE", "--store", path]
            let json = directory + "/bars.json"
            let said = try await IGCommand.output(of: export + ["--format", "json", "-o", json])
            #expect(said.contains("20001 bars written to \(json)."), "\(said)")
            let data = try Data(contentsOf: URL(fileURLWithPath: json))
            let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(objects.count == count)
            #expect(objects.last?["time"] as? String == "2025-03-17T21:20:00Z")
            #expect((objects.last?["volume"] as? NSNumber)?.intValue == count - 1)
            #expect(objects.last?["last_close"] is NSNull)

            let csv = try await IGCommand.output(of: export)
            let lines = csv.split(separator: "\n")
            #expect(lines.count == count + 1)
            #expect(
                lines[10_001]
                    == "2025-03-10T22:40:00Z,1.0803,1.0803,1.0803,1.0803,1.0803,1.0803,1.0803,1.0803,,,,,10000")

            let shown = try await IGCommand.output(of: ["history", "show", epic, "-r", "MINUTE", "--store", path])
            let shownLines = shown.split(separator: "\n")
            #expect(shownLines.count == 2 + count + 1)
            #expect(shownLines.last == "20001 stored bars of \(key).")

            // A value another tool wrote as text, in the last page: the export stops with the store's message,
            // and the file it would have replaced is as it was, with nothing left beside it.
            let raw = try DatabaseQueue(path: path)
            try await raw.write {
                try $0.execute(sql: "UPDATE bars SET bid_open = 'oops' WHERE time = \(start + 20_000 * 60)")
            }
            try raw.close()
            await #expect {
                _ = try await IGCommand.output(of: export + ["--format", "json", "-o", json])
            } throws: {
                String(describing: $0).contains("holds a value swift-ig cannot read")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == data)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix("store") }
            #expect(files == ["bars.json"])

            await #expect {
                _ = try await IGCommand.output(of: export + ["-o", directory + "/missing/bars.csv"])
            } throws: {
                String(describing: $0).contains("Cannot write \(directory)/missing/bars.csv")
            }
        }
    }
}

/// The part of `ig history status --format json` about the queue.
private struct QueueJSON: Decodable {
    var queue: [QueuedUnit]
}
