import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGCommands

@Suite("ig prices: the allowance checked with a store as without, and --to with --max")
struct PricesStoreTests {
    static let epic = "CS.D.EURUSD.TODAY.IP"

    @Test("ig prices --store checks the allowance against the bars the store lacks, and --force sends anyway")
    func pricesStoreChecksAllowance() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let prices = [
                    "prices", Self.epic, "-r", "MINUTE", "--store", path, "--base-url", url.absoluteString,
                ]
                // Two weeks of MINUTE bars may cost 20,161 points: more than the week's 10,000.
                let big = await runIGCapturing(prices + ["--from", "2025-03-03", "--to", "2025-03-17"])
                #expect(big.exitStatus == 75, "\(String(describing: big.error))")
                let message = "\(String(describing: big.error))"
                #expect(
                    message.contains("this request may cost up to 20161 historical points, and 9999 of 10000"),
                    "\(message)")
                #expect(message.contains("--force"), "\(message)")
                #expect(!message.contains("Give --store"), "a store is already in use: \(message)")
                #expect(big.notes.contains("Checking the historical allowance first (a one-point request)"))

                // Stored hours are not counted again: an hour already held costs only what it lacks.
                let hour = ["--from", "2025-03-04T10:00", "--to", "2025-03-04T10:59"]
                let first = await runIGCapturing(prices + hour)
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                #expect(first.notes.contains("This request may cost up to 60 historical points"), "\(first.notes)")
                #expect(
                    first.output.contains(
                        "60 bars: 0 from the store, 60 from IG; 61 points spent (1 of them to ask IG what remains)."),
                    "\(first.output)")
                let again = await runIGCapturing(prices + hour)
                #expect(!again.notes.contains("may cost"), "\(again.notes)")
                #expect(again.output.contains("0 points spent."), "\(again.output)")
                let status = await runIGCapturing(["history", "status", "--store", path])
                #expect(status.output.contains("62 points spent in the last 7 days"), "\(status.output)")
            }
        }
    }

    @Test("without a range, the estimate checked against the allowance counts only the bars the store lacks")
    func latestEstimate() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                // Bitcoin trades around the clock in the simulator: every hour has a bar.
                let prices = [
                    "prices", "CS.D.BITCOIN.TODAY.IP", "-r", "HOUR", "--max", "24", "--store",
                    directory + "/store.sqlite", "--base-url", url.absoluteString,
                ]
                let first = await runIGCapturing(prices)
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                #expect(first.notes.contains("This request may cost up to 24 historical points"), "\(first.notes)")
                // The 23 settled hours are stored: the bar still forming is all that is counted (it was 24).
                let again = await runIGCapturing(prices)
                #expect(again.exitStatus == 0, "\(String(describing: again.error))")
                #expect(again.notes.contains("This request may cost up to 1 historical point "), "\(again.notes)")
                // (In an hour's first seconds a range request may miss the new hour's bar; the cache then asks IG
                // for the last 24, so the split between store and IG is not compared.)
                #expect(again.output.contains("24 bars: "), "\(again.output)")
            }
        }
    }

    @Test("ig prices -f json prints one shape with a store and without, the one ig history show prints")
    func oneJSONShape() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let path = directory + "/store.sqlite"
                let prices = [
                    "prices", Self.epic, "-r", "MINUTE", "--from", "2025-03-04T10:00", "--to", "2025-03-04T10:09",
                    "-f", "json", "--base-url", url.absoluteString,
                ]
                func table(_ output: String) throws -> [String: Any] {
                    try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
                }
                let direct = await runIGCapturing(prices + ["--no-store"])
                let stored = await runIGCapturing(prices + ["--store", path])
                let served = await runIGCapturing(prices + ["--store", path])
                let shown = await runIGCapturing([
                    "history", "show", Self.epic, "--from", "2025-03-04T10:00", "--to", "2025-03-04T10:10", "-f",
                    "json", "--environment", url.absoluteString, "--store", path,
                ])
                for run in [direct, stored, served, shown] {
                    #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                    let object = try table(run.output)
                    let rows = try #require(object["rows"] as? [[String: Any]], "\(run.output.prefix(300))")
                    #expect(rows.count == 10)
                    #expect((rows.first?["bid"] as? [String: Any])?["close"] != nil, "\(rows.first ?? [:])")
                    #expect(object["epic"] as? String == Self.epic)
                }
                // The same bars, value for value, whether IG or the store served them.
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let rows = try [direct, stored, served, shown].map {
                    try decoder.decode(PriceTable.self, from: Data($0.output.utf8)).rows
                }
                #expect(rows.dropFirst().allSatisfy { $0 == rows[0] })
            }
        }
    }

    @Test("--force reaches every request of a run with a store: a later gap bounded above what remains is still sent")
    func forceReachesEveryGap() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.allowances.historicalDataPoints = 170
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                let prices = [
                    "prices", Self.epic, "-r", "HOUR", "--store", directory + "/store.sqlite", "--base-url",
                    url.absoluteString,
                ]
                // Wednesday is stored (24 points); Monday to the next Monday then lacks Monday and Tuesday (48
                // bars) and Thursday to Monday, which the calendar bounds at 120 bars but which holds 72 (no bars
                // from Friday 22:00 to Sunday 22:00 UTC).
                let wednesday = await runIGCapturing(prices + ["--from", "2026-11-18", "--to", "2026-11-18T23:00"])
                #expect(wednesday.exitStatus == 0, "\(String(describing: wednesday.error))")
                let week = prices + ["--from", "2026-11-16", "--to", "2026-11-23T23:00"]
                let checked = await runIGCapturing(week)
                #expect(checked.exitStatus == 75, "168 points may be needed and 146 remain")
                let forced = await runIGCapturing(week + ["--force"])
                #expect(forced.exitStatus == 0, "\(String(describing: forced.error))")
                #expect(
                    forced.output.contains("144 bars: 24 from the store, 120 from IG; 120 points spent."),
                    "\(forced.output)")
            }
        }
    }

    @Test("with --derive-coarser, bars the store can build from finer ones are not counted against the allowance")
    func derivedCostNothing() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let connection = ["--store", directory + "/store.sqlite", "--base-url", url.absoluteString]
                let sync = await runIGCapturing(
                    ["history", "sync", Self.epic, "--from", "2025-03-04", "--to", "2025-03-05"] + connection)
                #expect(sync.exitStatus == 0, "\(String(describing: sync.error))")
                let hours = ["prices", Self.epic, "-r", "HOUR", "--from", "2025-03-04", "--to", "2025-03-04T23:00"]
                let derived = await runIGCapturing(hours + ["--derive-coarser"] + connection)
                #expect(derived.exitStatus == 0, "\(String(describing: derived.error))")
                #expect(!derived.notes.contains("may cost"), "\(derived.notes)")
                #expect(
                    derived.output.contains("24 built from finer stored bars; 0 points spent."), "\(derived.output)")
                let fetched = await runIGCapturing(hours + connection)
                #expect(fetched.notes.contains("This request may cost up to 24 historical points"), "\(fetched.notes)")
            }
        }
    }

    @Test("with --derive-coarser, a range the store's finer bars cover in part builds that part and fetches the rest")
    func derivedInPart() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withTemporaryDirectory { directory in
                let connection = ["--store", directory + "/store.sqlite", "--base-url", url.absoluteString]
                // Tuesday's MINUTE bars stored; Tuesday and Wednesday asked at HOUR.
                let sync = await runIGCapturing(
                    ["history", "sync", Self.epic, "--from", "2025-03-04", "--to", "2025-03-05"] + connection)
                #expect(sync.exitStatus == 0, "\(String(describing: sync.error))")
                let hours = ["prices", Self.epic, "-r", "HOUR", "--from", "2025-03-04", "--to", "2025-03-05T23:00"]
                let logged = await simulator.priceRequests().count
                let derived = await runIGCapturing(hours + ["--derive-coarser"] + connection)
                #expect(derived.exitStatus == 0, "\(String(describing: derived.error))")
                // Wednesday fetched (24 points, as estimated), Tuesday built.
                let asked = Array(await simulator.priceRequests().dropFirst(logged))
                let fetched = asked.filter { $0.from.hasPrefix("2025-03-05") }
                #expect(fetched.map(\.points).reduce(0, +) == 24 && fetched.allSatisfy { $0.resolution == "HOUR" })
                #expect(!asked.contains { $0.from.hasPrefix("2025-03-04") && $0.points > 1 }, "\(asked)")
                #expect(
                    derived.notes.contains(
                        "This request may cost up to 24 historical points (one per bar the store neither holds nor can "
                            + "build from finer ones)"), "\(derived.notes)")
                #expect(
                    derived.output.contains(
                        "48 bars: 0 from the store, 24 from IG, 24 built from finer stored bars; 24 points spent."),
                    "\(derived.output)")

                // Again as CSV: Wednesday from the store, Tuesday built again, nothing to pay; the rows IG sends.
                let again = await runIGCapturing(hours + ["--derive-coarser", "-f", "csv"] + connection)
                #expect(again.exitStatus == 0, "\(String(describing: again.error))")
                #expect(!again.notes.contains("may cost"), "\(again.notes)")
                let direct = await runIGCapturing(hours + ["-f", "csv", "--base-url", url.absoluteString])
                #expect(direct.exitStatus == 0, "\(String(describing: direct.error))")
                #expect(again.output == direct.output)
                #expect(again.output.split(separator: "\n").count == 49)
            }
        }
    }

    /// The CSV rows (header left out) of `ig prices EPIC -r HOUR` over `range`, run without a store and then with a
    /// new one: one list per run.
    static func hourRows(_ range: [String], url: URL) async throws -> [[Substring]] {
        var result: [[Substring]] = []
        for withStore in [false, true] {
            try await withTemporaryDirectory { directory in
                let run = await runIGCapturing(
                    ["prices", Self.epic, "-r", "HOUR", "-f", "csv", "--base-url", url.absoluteString] + range
                        + (withStore ? ["--store", directory + "/store.sqlite"] : []))
                #expect(run.exitStatus == 0, "\(String(describing: run.error))")
                result.append(Array(run.output.split(separator: "\n").dropFirst()))
            }
        }
        return result
    }

    @Test("--from equal to --to asks for the one bar that starts then, with a store and without")
    func oneBar() async throws {
        try await IGSimulator.withRunning { _, url in
            for rows in try await Self.hourRows(["--from", "2025-03-04T10:00", "--to", "2025-03-04T10:00"], url: url) {
                #expect(rows.count == 1, "\(rows)")
                #expect(rows.first?.hasPrefix("2025-03-04T10:00:00") == true, "\(rows)")
            }
            let reversed = await runIGCapturing([
                "prices", Self.epic, "--from", "2025-03-04T11:00", "--to", "2025-03-04T10:00",
            ])
            #expect(reversed.exitStatus == 64)
        }
    }

    @Test("--to with --max N gives the N bars up to --to, the bar at --to included (it gave N + 1)")
    func toWithMax() async throws {
        try await IGSimulator.withRunning { _, url in
            for rows in try await Self.hourRows(["--to", "2025-03-04T10:00", "--max", "5"], url: url) {
                #expect(rows.count == 5, "\(rows)")
                #expect(rows.first?.hasPrefix("2025-03-04T06:00:00") == true, "\(rows)")
                #expect(rows.last?.hasPrefix("2025-03-04T10:00:00") == true, "\(rows)")
            }
            // --to inside a bar: that bar is the last of the N (it gave N - 1).
            for rows in try await Self.hourRows(["--to", "2025-03-04T10:30", "--max", "5"], url: url) {
                #expect(rows.count == 5, "\(rows)")
                #expect(rows.first?.hasPrefix("2025-03-04T06:00:00") == true, "\(rows)")
                #expect(rows.last?.hasPrefix("2025-03-04T10:00:00") == true, "\(rows)")
            }
        }
    }
}
