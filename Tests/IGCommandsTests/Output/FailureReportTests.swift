import ArgumentParser
import Foundation
import GRDB
import IGMarketData
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGCommands

@Suite("Errors for people: a sentence, the next step, an exit status per class")
struct FailureReportTests {
    /// A report must read as sentences, not as `IGError` fields.
    private func expectSentence(_ report: FailureReport?) {
        guard let report else { return }
        #expect(!report.message.contains("IGError") && !report.message.contains("httpStatus"))
        #expect(report.message.hasSuffix(".") || report.message.hasSuffix(")"))
        #expect(report.text(verbose: true).contains("Details: "))
        #expect(report.text(verbose: false).contains("--log-level debug"))
        #expect(!report.text(verbose: false, offersLogLevel: false).contains("--log-level"))
    }

    @Test("the details are shown for --log-level debug or trace in any letter case, and only then")
    func detailsAskedFor() {
        for arguments in [
            ["prices", "--log-level", "debug"], ["--log-level", "DEBUG"], ["--log-level=Trace"],
            ["--log-level", "trace"],
        ] {
            #expect(IGCommand.asksForDetails(arguments), "\(arguments)")
        }
        for arguments in [["--log-level", "info"], ["debug"], ["--log-level=warning"], []] {
            #expect(!IGCommand.asksForDetails(arguments), "\(arguments)")
        }
    }

    @Test("an output that cannot be written is its own class, exit status 73")
    func outputClass() throws {
        let report = try #require(FailureReport(CommandFailure("Cannot write x.csv: disk full.", kind: .output)))
        #expect(report.exitCode == 73)
    }

    @Test("ig --help names the exit status of every class")
    func overviewNamesEveryStatus() {
        // Words joined by single spaces, whatever the help's line breaks.
        let overview = " " + IGCommand.helpMessage().split(whereSeparator: \.isWhitespace).joined(separator: " ") + " "
        for kind in FailureReport.Kind.allCases {
            #expect(overview.contains(" \(kind.exitCode) "), "ig --help does not name exit status \(kind.exitCode)")
        }
    }

    @Test("ig's own failure, whose details are its message, promises no details")
    func ownFailure() throws {
        let report = try #require(FailureReport(CommandFailure("There is no store at x.sqlite yet.", kind: .usage)))
        #expect(report.exitCode == 64)
        #expect(report.text(verbose: false) == "Error: There is no store at x.sqlite yet.")
        #expect(report.text(verbose: true) == "Error: There is no store at x.sqlite yet.")
    }

    @Test("usage: a bad date is refused by the parser with status 64")
    func usage() async {
        let run = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--from", "yesterday"])
        #expect(run.exitStatus == 64)
        let run2 = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--last", "3 days"])
        #expect(run2.exitStatus == 64)
    }

    @Test("usage: a wait or timeout no clock can wait for is refused with status 64, not a trap")
    func endlessWaits() async {
        for arguments in [
            ["confirm", "REF", "--wait", "1e300"], ["confirm", "REF", "--wait=-1"],
            ["confirm", "REF", "--wait", "nan"],
            ["doctor", "--streaming-timeout", "9223372036854775807"], ["doctor", "--streaming-timeout", "0"],
        ] {
            let run = await runIGCapturing(arguments)
            #expect(run.exitStatus == 64, "\(arguments)")
            #expect("\(String(describing: run.error))".contains("3600 seconds"), "\(arguments)")
        }
    }

    @Test(
        "usage: a --duration no clock can wait for (or not a number) is refused with status 64, not a trap",
        arguments: ["1e300", "9223372036854775807", "nan", "0", "-1"])
    func endlessDuration(duration: String) async {
        for command in [["record", "CS.D.EURUSD.TODAY.IP"], ["stream", "prices", "CS.D.EURUSD.TODAY.IP"]] {
            let run = await runIGCapturing(command + ["--duration=\(duration)"])
            #expect(run.exitStatus == 64, "\(command) --duration \(duration)")
            #expect("\(String(describing: run.error))".contains("at most 3155760000 seconds (100 years)"))
        }
    }

    @Test("IG refusal: an unknown epic says to search, status 65")
    func unknownEpic() async throws {
        try await IGSimulator.withRunning { _, url in
            for arguments in [["prices", "CS.D.NOSUCH.IP"], ["markets", "get", "CS.D.NOSUCH.IP"]] {
                let run = await runIGCapturing(arguments + ["--base-url", url.absoluteString])
                let report = try #require(run.error.flatMap { FailureReport($0) })
                #expect(report.kind == .refused && run.exitStatus == 65)
                #expect(report.message.contains("ig markets search"))
                expectSentence(report)
            }
        }
    }

    @Test("ig confirm: a deal's confirmation is shown; an unknown reference is IG's refusal (65), not a lost deal")
    func confirm() async throws {
        try await IGSimulator.withRunning { _, url in
            let server = ["--base-url", url.absoluteString]
            let opened = try await IGCommand.output(
                of: ["positions", "open", "CS.D.EURUSD.TODAY.IP", "BUY", "1", "--yes", "--format", "json"] + server)
            let reference = try #require(
                opened.split(separator: "\n").first { $0.hasPrefix("dealReference: ") }?.dropFirst(15))
            let shown = try await IGCommand.output(of: ["confirm", String(reference), "--format", "json"] + server)
            #expect(shown.contains("\"dealReference\" : \"\(reference)\""), "\(shown)")
            #expect(shown.contains("\"dealStatus\" : \"ACCEPTED\""), "\(shown)")

            let unknown = await runIGCapturing(["confirm", "NOSUCH-REF", "--wait", "0.5"] + server)
            let report = try #require(unknown.error.flatMap { FailureReport($0) })
            #expect(report.kind == .refused && unknown.exitStatus == 65)
            #expect(report.message.hasPrefix("IG has no confirmation for deal reference NOSUCH-REF (asked for 0.5 s)."))
            #expect(!report.message.contains("outcome is unknown"))
        }
    }

    @Test("authentication: wrong credentials, status 77")
    func badCredentials() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.identifier = "somebody-else"
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            let run = await runIGCapturing(["accounts", "--base-url", url.absoluteString])
            let report = try #require(run.error.flatMap { FailureReport($0) })
            #expect(report.kind == .authentication && run.exitStatus == 77)
            #expect(report.message.contains("identifier or password"))
            expectSentence(report)
            // Refused before a store is created: ig prices --store logs in first.
            try await withTemporaryDirectory { directory in
                let store = directory + "/store.sqlite"
                let prices = await runIGCapturing([
                    "prices", "CS.D.EURUSD.TODAY.IP", "--store", store, "--base-url", url.absoluteString,
                ])
                #expect(prices.exitStatus == 77, "\(String(describing: prices.error))")
                #expect(!FileManager.default.fileExists(atPath: store), "a store was created for a refused login")
            }
        }
    }

    @Test("allowance: IG's per-minute allowance refusal, status 75")
    func allowance() async throws {
        try await IGSimulator.withRunning { simulator, url in
            await simulator.injectError(
                status: 403, errorCode: "error.public-api.exceeded-account-allowance", count: 10,
                pathPrefix: "/accounts")
            let run = await runIGCapturing(["accounts", "--base-url", url.absoluteString])
            let report = try #require(run.error.flatMap { FailureReport($0) })
            #expect(report.kind == .allowance && run.exitStatus == 75)
            #expect(report.message.contains("allowance"))
            expectSentence(report)
        }
    }

    @Test("network: nothing listening, status 69")
    func network() async throws {
        let run = await runIGCapturing(["accounts", "--base-url", "http://127.0.0.1:1"])
        let report = try #require(run.error.flatMap { FailureReport($0) })
        #expect(report.kind == .network && run.exitStatus == 69)
        #expect(report.message.contains("Could not reach IG"))
        expectSentence(report)
    }

    @Test("the store's commands explain IG's refusals; a sync sets a refused unit aside and goes on")
    func storeCommands() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let common = ["--store", directory + "/store.sqlite", "--base-url", url.absoluteString]
                // The unknown epic's unit is set aside and named; the good epic's bars are fetched.
                let sync = await runIGCapturing(
                    [
                        "history", "sync", "--epic", "CS.D.NOSUCH.IP", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR",
                        "--from", "2025-03-03", "--to", "2025-03-04",
                    ] + common)
                #expect(sync.exitStatus == 65)
                #expect(sync.output.contains("Fetched 24 bars in 1 unit"), "\(sync.output)")
                #expect(sync.output.contains("1 unit refused by IG, set aside"), "\(sync.output)")
                #expect(
                    sync.output.contains("CS.D.NOSUCH.IP HOUR from 2025-03-03T00:00:00Z: IG does not know this epic."),
                    "\(sync.output)")
                // A later sync of other targets is not held up by it (it failed on it every time).
                let next = await runIGCapturing(
                    [
                        "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-04",
                        "--to", "2025-03-05",
                    ] + common)
                #expect(next.exitStatus == 0, "\(String(describing: next.error))")
                #expect(next.output.contains("Fetched 24 bars in 1 unit"), "\(next.output)")

                let prices = await runIGCapturing(["prices", "CS.D.NOSUCH.IP", "--last", "5h"] + common)
                let pricesReport = try #require(prices.error.flatMap { FailureReport($0) })
                #expect(pricesReport.kind == .refused && prices.exitStatus == 65)
                #expect(pricesReport.message.contains("ig markets search"))
                expectSentence(pricesReport)
            }
        }
    }

    @Test("a sync that stops for the allowance exits 75 and keeps what it fetched")
    func syncStopsForAllowance() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withTemporaryDirectory { directory in
                let arguments = [
                    "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-03", "--to",
                    "2025-03-05", "--store", directory + "/store.sqlite", "--base-url", url.absoluteString,
                ]
                let first = await runIGCapturing(arguments)
                #expect(first.exitStatus == 0, "\(String(describing: first.error))")
                #expect(first.output.contains("Fetched 48 bars"), "\(first.output)")
                // The store covers the two days; a third needs 24 points, and a reserve of 9,990 leaves fewer.
                let stopped = await runIGCapturing(
                    arguments.map { $0 == "2025-03-05" ? "2025-03-06" : $0 } + ["--reserve", "9990"])
                #expect(stopped.exitStatus == 75, "\(String(describing: stopped.error))")
                #expect(stopped.output.contains("Stopped before the reserve"), "\(stopped.output)")
                let status = await runIGCapturing(["history", "status", "--store", directory + "/store.sqlite"])
                #expect(status.output.contains("CS.D.EURUSD.TODAY.IP"), "\(status.output)")
                #expect(status.output.contains("HOUR") && status.output.contains("48"), "\(status.output)")
            }
        }
    }

    @Test("a plan of a mistyped range is a usage error, status 64")
    func planTooLarge() async throws {
        try await withTemporaryDirectory { directory in
            let run = await runIGCapturing([
                "history", "sync", "--epic", "CS.D.EURUSD.TODAY.IP", "-r", "SECOND", "--from", "0001-01-01", "--to",
                "2025-03-06", "--store", directory + "/store.sqlite", "--dry-run",
            ])
            let report = try #require(run.error.flatMap { FailureReport($0) })
            #expect(report.kind == .usage && run.exitStatus == 64)
            #expect(report.message.hasSuffix("Give a later --from or an earlier --to (or fix the targets file)."))
            expectSentence(report)
        }
    }

    @Test("store failures have classes: not a store or newer 74, server not listening 69, bad URL 64")
    func storeFailures() async throws {
        try await withTemporaryDirectory { directory in
            let garbage = directory + "/notes.sqlite"
            let bytes = Data(repeating: 0x5A, count: 8192)
            try bytes.write(to: URL(fileURLWithPath: garbage))
            let notAStore = await runIGCapturing(["history", "status", "--store", garbage])
            let report = try #require(notAStore.error.flatMap { FailureReport($0) })
            #expect(report.kind == .store && notAStore.exitStatus == 74, "\(String(describing: notAStore.error))")
            #expect(report.message.contains("not an SQLite") || report.message.contains("not a database"))
            expectSentence(report)
            #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == bytes, "the file was changed")

            let newer = directory + "/newer.sqlite"
            await (try MarketDataStore.open(.sqlite(path: newer))).close()
            let raw = try DatabaseQueue(path: newer)
            try await raw.write { db in
                try db.execute(sql: "UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
            }
            try raw.close()
            let newerRun = await runIGCapturing(["history", "show", "CS.D.EURUSD.TODAY.IP", "--store", newer])
            let newerReport = try #require(newerRun.error.flatMap { FailureReport($0) })
            #expect(newerReport.kind == .store && newerRun.exitStatus == 74)
            #expect(newerReport.message.contains("99"))
        }
        let unreachable = await runIGCapturing(["history", "status", "--store", "postgres://ig@127.0.0.1:1/ig"])
        let unreachableReport = try #require(unreachable.error.flatMap { FailureReport($0) })
        #expect(unreachableReport.kind == .network && unreachable.exitStatus == 69)
        #expect(
            unreachableReport.message.contains(
                "127.0.0.1:1: the connection was refused (nothing listens on that port)"),
            "\(unreachableReport.message)")
        expectSentence(unreachableReport)
        let unknownHost = await runIGCapturing([
            "history", "status", "--store", "postgres://ig@no-such-host.invalid/ig",
        ])
        let unknownHostReport = try #require(unknownHost.error.flatMap { FailureReport($0) })
        #expect(unknownHost.exitStatus == 69)
        #expect(
            unknownHostReport.message.contains("the host name 'no-such-host.invalid' is not known"),
            "\(unknownHostReport.message)")
        for location in [
            "mysql://ig@127.0.0.1/ig", "postgres://127.0.0.1/ig", "postgres://ig@127.0.0.1/ig?sslmode=x",
            "postgres://ig@127.0.0.1:1/ig?sslmode=require&sslmode=disable",
        ] {
            let run = await runIGCapturing(["history", "status", "--store", location])
            #expect(run.exitStatus == 64, "\(location): \(String(describing: run.error))")
        }
        // A file that is not a PEM bundle is named as such, before any connection (BoringSSL's own text named files
        // of its build).
        let notPEM = await runIGCapturing([
            "history", "status", "--store", "postgres://ig@127.0.0.1:1/ig?sslmode=verify-ca&sslrootcert=/etc/passwd",
        ])
        let notPEMMessage = IGCommand.fullMessage(for: try #require(notPEM.error))
        #expect(notPEM.exitStatus == 64, "\(notPEMMessage)")
        #expect(notPEMMessage.contains("sslrootcert /etc/passwd holds no PEM certificate"), "\(notPEMMessage)")
    }

    @Test("a failure points to --log-level only in a command that takes it")
    func logLevelPointedToWhereItWorks() {
        #expect(IGCommand.takesLogLevel(PricesCommand.self))
        #expect(IGCommand.takesLogLevel(HistorySyncCommand.self))
        #expect(!IGCommand.takesLogLevel(HistoryStatusCommand.self))
        #expect(!IGCommand.takesLogLevel(HistoryShowCommand.self))
    }

    @Test("ig record checks the login first: refused credentials 77, IG unreachable 69 (it retried them unseen)")
    func recordChecksLogin() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.identifier = "somebody-else"
        try await IGSimulator.withRunning(configuration: configuration) { _, url in
            try await withTemporaryDirectory { directory in
                for (baseURL, status) in [(url.absoluteString, Int32(77)), ("http://127.0.0.1:1", 69)] {
                    let run = await runIGCapturing([
                        "record", "CS.D.EURUSD.TODAY.IP", "--duration", "30", "--store", directory + "/store.sqlite",
                        "--base-url", baseURL,
                    ])
                    let report = try #require(run.error.flatMap { FailureReport($0) }, "\(run.output)")
                    #expect(run.exitStatus == status)
                    expectSentence(report)
                }
            }
        }
    }

    @Test("IG's stream refusing an unknown epic says to search, status 65")
    func streamRefused() async throws {
        try await IGSimulator.withRunning { _, url in
            // The refusal ends the command; --duration only bounds a run that never gets one (on a loaded machine
            // five seconds were once too few for it to arrive).
            let run = await runIGCapturing([
                "stream", "prices", "CS.D.NOSUCH.IP", "--duration", "300", "--base-url", url.absoluteString,
            ])
            let report = try #require(run.error.flatMap { FailureReport($0) })
            #expect(report.kind == .refused && run.exitStatus == 65)
            #expect(report.message.contains("ig markets search"))
            expectSentence(report)
        }
    }

    @Test("an unknown deal outcome names the reference and how to check it")
    func outcomeUnknown() throws {
        let report = try #require(
            FailureReport(DealingError(kind: .outcomeUnknown, dealReference: "REF123", message: "timed out")))
        #expect(report.kind == .network)
        #expect(report.message.contains("ig confirm REF123"))
    }

    @Test(
        "classification of IG's codes",
        arguments: [
            ("error.security.invalid-details", 401, FailureReport.Kind.authentication),
            ("error.security.api-key-invalid", 403, .authentication),
            ("error.public-api.failure.stockbroking-not-supported", 403, .authentication),
            ("error.public-api.failure.kyc.required", 401, .authentication),
            ("error.public-api.exceeded-api-key-allowance", 403, .allowance),
            ("error.public-api.exceeded-account-historical-data-allowance", 403, .allowance),
            ("unauthorised.access.to.equity.exception", 403, .refused),
            ("error.unsupported.epic", 400, .refused),
            ("validation.null-not-allowed.request", 400, .refused),
            ("error.server", 503, .network),
        ])
    func classification(code: String, status: Int, kind: FailureReport.Kind) {
        let error = IGError(
            code: .httpStatus, operation: "GET /x", httpStatus: status, errorCode: IGErrorCode(rawValue: code))
        #expect(FailureReport.classify(error) == kind)
    }
}
