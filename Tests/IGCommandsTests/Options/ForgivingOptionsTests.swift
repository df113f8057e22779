import ArgumentParser
import Foundation
import IGSimulatorTesting
import Testing

@testable import IGCommands

@Suite("Options that forgive: names in any case, negative numbers refused with a reason, ignored flags named")
struct ForgivingOptionsTests {
    @Test("format, environment and log-level names are read in any letter case")
    func namesInAnyCase() throws {
        let prices = try #require(
            try IGCommand.parseAsRoot(["prices", "X.Y.Z.ABC", "-f", "JSON", "--env", "Demo", "--log-level", "DEBUG"])
                as? PricesCommand)
        #expect(prices.output.format == .json)
        #expect(prices.connection.env == .demo)
        let export = try #require(
            try IGCommand.parseAsRoot(["history", "export", "X.Y.Z.ABC", "-f", "NDJSON"]) as? HistoryExportCommand)
        #expect(export.format == .ndjson)
        #expect(throws: (any Error).self) { _ = try IGCommand.parseAsRoot(["prices", "X.Y.Z.ABC", "-f", "xml"]) }
    }

    /// Runs each command line and expects a usage error (64) whose message contains its reason.
    static func expectUsageErrors(_ cases: [([String], String)]) async throws {
        for (arguments, reason) in cases {
            let run = await runIGCapturing(arguments)
            #expect(run.exitStatus == 64, "\(arguments)")
            let message = IGCommand.fullMessage(for: try #require(run.error))
            #expect(message.contains(reason), "\(message)")
        }
    }

    @Test("a negative number is a value refused with a reason, not a missing value")
    func negativeNumbers() async throws {
        try await Self.expectUsageErrors([
            (["prices", "X.Y.Z.ABC", "--max", "-1"], "--max must be at least 1."),
            (
                ["history", "sync", "X.Y.Z.ABC", "--last", "1d", "--reserve", "-5"],
                "--reserve must be 0 or more points."
            ),
            (["history", "sync", "X.Y.Z.ABC", "--last", "1d", "--lease", "-1"], "--lease must be at least 1 second."),
            (["history", "sync", "X.Y.Z.ABC", "--last", "1d", "--page-size", "-1"], "--page-size must be 0 or more."),
            (["record", "X.Y.Z.ABC", "--batch-rows", "-5"], "--batch-rows must be at least 1."),
            (["record", "X.Y.Z.ABC", "--duration", "-3"], "--duration must be a positive number of seconds"),
            (["prices", "X.Y.Z.ABC", "--last", "-3d"], "The value '-3d' is invalid for '--last <last>'"),
            (["history", "show", "X.Y.Z.ABC", "--last", "-3d"], "The value '-3d' is invalid for '--last <last>'"),
            (["history", "sync", "X.Y.Z.ABC", "--last", "-3d"], "The value '-3d' is invalid for '--last <last>'"),
        ])
    }

    @Test("--duration takes seconds or a number and a unit (10s, 30m, 6h, 2d), for ig record and ig stream")
    func durationsWithUnits() async throws {
        let cases: [(String, Double)] = [
            ("90", 90), ("1.5", 1.5), ("10s", 10), ("30m", 1_800), ("6H", 21_600), ("2d", 172_800),
        ]
        for (text, seconds) in cases {
            let record = try #require(
                try IGCommand.parseAsRoot(["record", "CS.D.EURUSD.TODAY.IP", "--duration", text]) as? RecordCommand)
            #expect(record.durationText.flatMap { try? RunDuration.parse($0) } == seconds, "\(text)")
            let stream = try #require(
                try IGCommand.parseAsRoot(["stream", "prices", "CS.D.EURUSD.TODAY.IP", "--duration", text])
                    as? StreamPricesCommand)
            #expect(stream.stream.duration == seconds, "\(text)")
        }
        try await Self.expectUsageErrors([
            (["record", "X.Y.Z.ABC", "--duration", "10x"], "a number and a unit (90s, 30m, 6h, 2d)"),
            (["record", "X.Y.Z.ABC", "--duration", "s"], "--duration must be a positive number of seconds"),
            (["stream", "prices", "X.Y.Z.ABC", "--duration", "0m"], "--duration must be a positive number"),
            (["stream", "prices", "X.Y.Z.ABC", "--duration", "101y"], "--duration must be a positive number"),
        ])
    }

    @Test("ig record and ig prices refuse what is not an epic, and --candles without a scale, before logging in (64)")
    func recordTargets() async throws {
        try await Self.expectUsageErrors([
            (["record", ""], "'' is not an epic: IG's are 6 to 30 letters"),
            (["record", "CS.D.EURUSD.TODAY.IP:TICK"], "'CS.D.EURUSD.TODAY.IP:TICK' is not an epic"),
            (["record", "CS.D.EURUSD TODAY.IP"], "is not an epic"),
            (["record", "CS.D.EURUSD.TODAY.IP", "--candles", ""], "--candles needs a scale"),
            (["prices", ""], "'' is not an epic: IG's are 6 to 30 letters"),
            (["prices", "CS.D.EURUSD.TODAY.IP", "--from", "2999-01-01"], "--from 2999-01-01 is in the future"),
            (["prices", "CS.D.EURUSD.TODAY.IP "], "(it has spaces around it: give 'CS.D.EURUSD.TODAY.IP')"),
        ])
    }

    @Test("an empty range of ig history show or export says --to is not included there, unlike ig prices'")
    func exclusiveTo() async throws {
        let range = ["--from", "2026-12-01T10:03", "--to", "2026-12-01T10:03"]
        try await Self.expectUsageErrors([
            (["history", "show", "CS.D.EURUSD.TODAY.IP"] + range, "give --to one bar later"),
            (["history", "export", "CS.D.EURUSD.TODAY.IP"] + range, "(unlike ig prices' --to)"),
        ])
    }

    @Test("flags that cannot apply are named on stderr: --chart with -f csv, --derive-coarser without a store")
    func ignoredFlagsNamed() async throws {
        let run = await runIGCapturing([
            "prices", "CS.D.EURUSD.TODAY.IP", "--max", "3", "--chart", "-f", "csv", "--derive-coarser", "--no-store",
        ])
        #expect(run.exitStatus == 0, "\(String(describing: run.error))")
        #expect(run.notes.contains("--chart draws the bars instead of printing them: -f csv is not used."))
        let both = await runIGCapturing([
            "prices", "CS.D.EURUSD.TODAY.IP", "--max", "1", "--no-store", "--store", "postgres://ig:secret@db/ig",
        ])
        #expect(both.exitStatus == 0, "\(String(describing: both.error))")
        #expect(
            both.notes.contains("--no-store given: --store postgres://ig:***@db:5432/ig is not used"), "\(both.notes)")
        #expect(!both.notes.contains("secret"))
        #expect(
            run.notes.contains(
                "--derive-coarser builds bars from a store's finer ones, and --no-store given: every bar is asked of IG."
            ),
            "\(run.notes)")
    }

    @Test("a device as the store is refused with a hint (64), and a dry run against a missing store creates nothing")
    func storeThatIsNotAFile() async throws {
        let device = await runIGCapturing(["history", "status", "--store", "/dev/null"])
        #expect(device.exitStatus == 64, "a usage error, as a folder is")
        let message = IGCommand.fullMessage(for: try #require(device.error))
        #expect(message.contains("/dev/null is not a regular file."), "\(message)")
        #expect(message.contains("Give the path of an SQLite file"), "\(message)")
        try await withTemporaryDirectory { directory in
            let path = directory + "/new/store.sqlite"
            let dry = await runIGCapturing([
                "history", "sync", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--to", "2025-03-05", "--dry-run",
                "--store", path,
            ])
            #expect(dry.exitStatus == 0, "\(String(describing: dry.error))")
            #expect(dry.output.contains("Plan: 2 units, about 2880 points"), "\(dry.output)")
            #expect(dry.notes.contains("There is no store at \(path) yet: planned as for an empty one"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/new"), "nothing created")
            #expect(!dry.output.contains("weeks of one account's allowance"), "one week's allowance is enough")
            let long = await runIGCapturing([
                "history", "sync", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--to", "2025-03-17", "--dry-run",
                "--store", path,
            ])
            #expect(long.output.contains("Plan: 14 units, about 14400 points"), "\(long.output)")
            #expect(
                long.output.contains(
                    "That is about 2 weeks of one account's allowance (9500 points a week above the reserve)"),
                "\(long.output)")
            let reserved = await runIGCapturing([
                "history", "sync", "CS.D.EURUSD.TODAY.IP", "--from", "2025-03-03", "--to", "2025-03-05", "--dry-run",
                "--reserve", "10000", "--store", path,
            ])
            #expect(
                reserved.output.contains(
                    "A reserve of 10000 keeps all of one account's weekly allowance (10000 points): a run fetches "
                        + "nothing. Lower --reserve."),
                "\(reserved.output)")
            let real = await runIGCapturing([
                "history", "sync", "CS.D.EURUSD.TODAY.IP", "-r", "DAY", "--from", "2025-03-03", "--to", "2025-03-05",
                "--store", path,
            ])
            #expect(real.exitStatus == 0, "\(String(describing: real.error))")
            #expect(real.notes.contains("Creating a new store at \(path)."), "\(real.notes)")
        }
    }
}
