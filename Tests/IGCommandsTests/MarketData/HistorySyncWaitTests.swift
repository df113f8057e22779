import IGMarketDataSync
import IGModels
import Testing

@testable import IGCommands

@Suite("ig history sync: what it says when it waits for IG's per-minute request limit, and when it gives up")
struct HistorySyncWaitTests {
    @Test("the wait is announced with its length in whole seconds (rounded up) and whose limit it is")
    func waitLine() {
        let line = HistorySyncCommand.waitLine(
            SyncWait(
                duration: .milliseconds(41_200), errorCode: .exceededApiKeyAllowance, attempt: 1, maxAttempts: 3))
        #expect(
            line
                == "IG's per-minute request limit (of the API key) reached; waiting 42 s before going on (wait 1 of "
                + "at most 3 in a row; Ctrl-C stops).")
        let account = HistorySyncCommand.waitLine(
            SyncWait(duration: .seconds(60), errorCode: .exceededAccountAllowance, attempt: 2, maxAttempts: 3))
        #expect(account.hasPrefix("IG's per-minute request limit (of the account) reached; waiting 60 s"))
    }

    @Test("the summary counts the waits, and says why a sync that gave up on them stopped")
    func summary() {
        var report = SyncReport()
        report.units = 2
        report.bars = 48
        report.points = 48
        report.requests = 2
        report.rateLimitWaits = 3
        let done = HistorySyncCommand.summary(report, reserve: 0)
        #expect(
            done == "Fetched 48 bars in 2 units (2 requests, 48 points). Waited 3 times for IG's per-minute request "
                + "limit.")
        report.stop = .requestRateLimited
        let stopped = HistorySyncCommand.summary(report, reserve: 0)
        #expect(
            stopped.hasSuffix(
                "Stopped: IG still refused requests for its per-minute request limit after several waits in a row "
                    + "(other programs use the API key or the account too); the unit in hand was released. Run again "
                    + "later, or run fewer syncs on one key or account."))
    }
}
