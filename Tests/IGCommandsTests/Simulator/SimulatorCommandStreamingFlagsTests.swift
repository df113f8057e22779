import ArgumentParser
import IGCommands
import IGSimulator
import Testing

@Suite("ig simulator streaming flags")
struct SimulatorCommandStreamingFlagsTests {
    @Test("--no-websocket, --streaming-rate and --streaming-keepalive-ms reach the streaming settings")
    func flags() throws {
        let options = try SimulatorOptions.parse([
            "--port", "0", "--no-websocket", "--streaming-rate", "250", "--streaming-keepalive-ms", "1500",
        ])
        let streaming = options.configuration().streaming
        #expect(streaming.acceptsWebSocket == false)
        #expect(streaming.updatesPerSecond == 250)
        #expect(streaming.keepalive == .milliseconds(1500))
        let defaults = try SimulatorOptions.parse([]).configuration().streaming
        #expect(defaults == StreamingConfiguration())
    }

    @Test("Bad streaming flags are usage errors")
    func badFlags() {
        #expect(throws: (any Error).self) { try SimulatorOptions.parse(["--streaming-rate", "0"]) }
        #expect(throws: (any Error).self) { try SimulatorOptions.parse(["--streaming-keepalive-ms", "10"]) }
        #expect(throws: (any Error).self) {
            try SimulatorOptions.parse(["--streaming-keepalive-ms", "9223372036854775807"])
        }
    }
}

@Suite("ig simulator control token")
struct SimulatorCommandControlTokenTests {
    @Test("Beyond loopback a control token is required: generated when not given, and announced with a warning")
    func beyondLoopback() throws {
        let generated = try SimulatorOptions.parse(["--host", "0.0.0.0"]).configuration()
        let token = try #require(generated.controlToken)
        #expect(token.count == 32)
        let notices = SimulatorOptions.startupNotices(for: generated)
        #expect(notices.standardError.count == 1)
        #expect(notices.standardError[0].hasPrefix("warning:"))
        #expect(notices.standardOutput == ["Control token (X-IG-Simulator-Token): \(token)"])
        let given = try SimulatorOptions.parse(["--host", "0.0.0.0", "--control-token", "abc"]).configuration()
        #expect(given.controlToken == "abc")
    }

    @Test("On loopback the controls stay open unless a token is given")
    func loopback() throws {
        let open = try SimulatorOptions.parse([]).configuration()
        #expect(open.controlToken == nil)
        #expect(SimulatorOptions.startupNotices(for: open).standardError.isEmpty)
        let guarded = try SimulatorOptions.parse(["--control-token", "abc"]).configuration()
        #expect(guarded.controlToken == "abc")
        #expect(throws: (any Error).self) { try SimulatorOptions.parse(["--control-token", ""]) }
    }
}
