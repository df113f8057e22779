import Lightstreamer
import Testing

@Suite("Session state machine: configuration")
struct TLCPSessionConfigurationTests {
    @Test("Requesting no diffs sends an empty LS_supported_diffs")
    func noDiffs() throws {
        var harness = SessionHarness { $0.supportedDiffs = TLCPSessionStateMachine.Configuration.noDiffs }
        let open = try #require(harness.handle(.connect(now: harness.now)).opened)
        #expect(open.request[parameter: "LS_supported_diffs"] == "")
    }
}
