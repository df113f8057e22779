import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGCommands

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("ig prices: dates, cost, charts")
struct PricesCommandChartTests {
    @Test("--last and day-only --from/--to give the same bars as the explicit range")
    func dates() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString, "--format", "csv"]
            let explicit = try await runIG(
                [
                    "prices", "CS.D.BITCOIN.TODAY.IP", "-r", "DAY", "--from", "2026-10-01T00:00:00Z", "--to",
                    "2026-10-08",
                ]
                    + base)
            let short = try await runIG(
                ["prices", "CS.D.BITCOIN.TODAY.IP", "-r", "DAY", "--from", "2026-10-01", "--to", "2026-10-08T00:00"]
                    + base)
            let last = try await runIG(
                ["prices", "CS.D.BITCOIN.TODAY.IP", "-r", "DAY", "--last", "7d", "--to", "2026-10-08"] + base)
            #expect(explicit == short && short == last)
            #expect(explicit.split(separator: "\n").count == 1 + 8)
        }
    }

    @Test("the cost is stated before sending; a request costing more than remains is refused with the numbers")
    func cost() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.allowances = .igLive
        configuration.allowances.historicalDataPoints = 350
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            let base = ["--base-url", url.absoluteString]
            let small = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--max", "5"] + base)
            #expect(small.error == nil)
            #expect(small.notes.contains("may cost up to 5 historical points"))
            let big = await runIGCapturing(
                ["prices", "CS.D.EURUSD.TODAY.IP", "-r", "DAY", "--from", "2025-09-01", "--to", "2026-10-06"] + base)
            #expect(big.exitStatus == 75)
            let report = try #require(big.error.flatMap { FailureReport($0) })
            #expect(report.message.contains("may cost up to 401 historical points"))
            #expect(report.message.contains("--force"))
            #expect(report.message.contains("Give --store (or set IG_STORE) to keep what you fetch"))
            let forced = await runIGCapturing(
                [
                    "prices", "CS.D.EURUSD.TODAY.IP", "-r", "DAY", "--from", "2025-09-01", "--to", "2026-10-06",
                    "--force",
                ]
                    + base)
            #expect(forced.error == nil, "weekends make the real cost lower than the bound")
        }
    }

    @Test("--chart draws candles with UTC axes (plain characters when not on a terminal); --svg writes a chart")
    func charts() async throws {
        try await IGSimulator.withRunning { _, url in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ig-chart-\(UUID()).svg")
            defer { try? FileManager.default.removeItem(at: file) }
            let run = await runIGCapturing([
                "prices", "CS.D.BITCOIN.TODAY.IP", "--max", "40", "--chart", "--svg", file.path, "--base-url",
                url.absoluteString,
            ])
            #expect(run.error == nil)
            #expect(!run.output.contains("\u{1B}"))
            #expect(run.output.contains("UTC, ") && run.output.contains("O rising"))
            let svg = try String(contentsOf: file, encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("Time (UTC)"))
            #expect(svg.components(separatedBy: "<rect x=").count - 1 >= 40)
            #expect(XMLParser(data: Data(svg.utf8)).parse())
        }
    }

    @Test("--svg into a folder that does not exist is exit status 73 before a point is spent, with or without a store")
    func svgCannotBeWritten() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let store = directory + "/s.sqlite"
                for extra in [[], ["--store", store]] {
                    let run = await runIGCapturing(
                        ["prices", "CS.D.EURUSD.TODAY.IP", "--max", "5", "--svg", "/nonexistent-folder/c.svg"]
                            + extra + ["--base-url", url.absoluteString])
                    #expect(run.exitStatus == 73, "\(extra)")
                    #expect(
                        run.error.flatMap { FailureReport($0) }?.message.contains("/nonexistent-folder/c.svg") == true)
                    #expect(!run.notes.contains("may cost"), "nothing was asked of IG")
                }
                let after = await runIGCapturing(
                    ["prices", "CS.D.EURUSD.TODAY.IP", "--max", "5", "--base-url", url.absoluteString])
                #expect(after.notes.contains("9995 of 10000 points left"), "\(after.notes)")
                #expect(
                    !FileManager.default.fileExists(atPath: store), "no store was created for a run that wrote nothing")
            }
        }
    }

    @Test("large histories come in pages; nothing extra is printed when not on a terminal")
    func paged() async throws {
        try await IGSimulator.withRunning { _, url in
            let run = await runIGCapturing([
                "prices", "CS.D.BITCOIN.TODAY.IP", "-r", "MINUTE", "--max", "1200", "--format", "csv", "--force",
                "--base-url", url.absoluteString,
            ])
            #expect(run.error == nil)
            #expect(run.output.split(separator: "\n").count == 1 + 1200)
            #expect(!run.notes.contains("pages"))
        }
    }
}
