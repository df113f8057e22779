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
    }
}
