import Foundation
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
    }

    @Test("usage: a bad date is refused by the parser with status 64")
    func usage() async {
        let run = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--from", "yesterday"])
        #expect(run.exitStatus == 64)
        let run2 = await runIGCapturing(["prices", "CS.D.EURUSD.TODAY.IP", "--last", "3 days"])
        #expect(run2.exitStatus == 64)
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
