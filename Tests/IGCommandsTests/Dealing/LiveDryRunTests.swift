import Foundation
import IGCommands
import Testing

/// A dry run on `--env live` prints the request without logging in to LIVE (nothing reaches IG: the client's
/// transport is offline, and a command that would need to read the account is refused).
@Suite("ig dry runs on LIVE never log in")
struct LiveDryRunTests {
    @Test("positions open --env live --dry-run --no-validate prints the request offline")
    func offlineOpen() async throws {
        let output = try await runIG([
            "positions", "open", "CS.D.EURUSD.TODAY.IP", "BUY", "1", "--env", "live", "--dry-run", "--no-validate",
        ])
        #expect(output.contains("dry run: nothing sent"))
        #expect(output.contains("POST /gateway/deal/positions/otc"))
        #expect(output.contains("dealReference: "))
    }

    @Test("A dry run on LIVE that would need to read the account is refused with what to do")
    func refusedWhenItWouldLogIn() async throws {
        for arguments in [
            ["positions", "open", "CS.D.EURUSD.TODAY.IP", "BUY", "1"], ["positions", "close", "DIAAAAA"],
            ["positions", "close-all"],
        ] {
            await #expect(throws: (any Error).self, "\(arguments)") {
                try await runIG(arguments + ["--env", "live", "--dry-run"])
            }
            do {
                _ = try await runIG(arguments + ["--env", "live", "--dry-run"])
            } catch {
                #expect("\(error)".contains("does not log in to LIVE"), "\(error)")
            }
        }
    }
}
