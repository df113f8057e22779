import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

/// A running simulator, a REST client and a running streaming client.
struct StreamingEnvironment: Sendable {
    let simulator: IGSimulator
    let url: URL
    let client: IGClient
    let streaming: IGStreamingClient
}

let eurusd: Epic = "CS.D.EURUSD.TODAY.IP"
let ftse: Epic = "IX.D.FTSE.DAILY.IP"

/// Starts a simulator (keepalive 1 s, 5 updates/s/item) and a streaming client, runs the client's `run()` beside
/// `body`, then shuts everything down.
func withStreaming<T: Sendable>(
    simulator configure: (inout SimulatorConfiguration) -> Void = { _ in },
    transport: TLCPSessionStateMachine.Configuration.TransportPolicy = .webSocket,
    protocolVersion: TLCPVersion = .v2_4_0,
    _ body: @escaping @Sendable (StreamingEnvironment) async throws -> T
) async throws -> T {
    var configuration = SimulatorConfiguration.testing
    configuration.streaming.keepalive = .seconds(1)
    configuration.streaming.updatesPerSecond = 5
    configure(&configuration)
    var streamingConfiguration = IGStreamingClient.Configuration(
        protocolVersion: protocolVersion, transport: transport)
    // Quick stall detection and retries, so fault tests finish in seconds (the logic is the same).
    streamingConfiguration.lightstreamer.session.stalledGrace = .milliseconds(500)
    streamingConfiguration.lightstreamer.session.reconnectTimeout = .milliseconds(500)
    streamingConfiguration.lightstreamer.session.retryDelay = .milliseconds(500)
    return try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
        try await IGClient.withClient(simulatorAt: url) { client in
            let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration)
            let environment = StreamingEnvironment(
                simulator: simulator, url: url, client: client, streaming: streaming)
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await streaming.run()
                    return nil
                }
                group.addTask { try await body(environment) }
                var result: T?
                while let next = try await group.next() {
                    if let next {
                        result = next
                        break
                    }
                }
                streaming.shutdown()
                group.cancelAll()
                return result!
            }
        }
    }
}
