import Foundation
import IGModels
import IGSimulator
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
    var configuration = SimulatorConfiguration(port: 0)
    configuration.host = "127.0.0.1"
    configuration.allowances = .unlimited
    configuration.streaming.keepalive = .seconds(1)
    configuration.streaming.updatesPerSecond = 5
    configure(&configuration)
    let simulator = try IGSimulator(configuration: configuration)
    let url = try await simulator.start()
    let client = try IGClient(
        configuration: IGClient.Configuration(environment: .custom(url)),
        credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
    var streamingConfiguration = IGStreamingClient.Configuration(
        protocolVersion: protocolVersion, transport: transport)
    // Quick stall detection and retries, so fault tests finish in seconds (the logic is the same).
    streamingConfiguration.lightstreamer.session.stalledGrace = .milliseconds(500)
    streamingConfiguration.lightstreamer.session.reconnectTimeout = .milliseconds(500)
    streamingConfiguration.lightstreamer.session.retryDelay = .milliseconds(500)
    let streaming = IGStreamingClient(client: client, configuration: streamingConfiguration)
    let environment = StreamingEnvironment(simulator: simulator, url: url, client: client, streaming: streaming)
    do {
        let result = try await withThrowingTaskGroup(of: T?.self) { group in
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
        try await client.shutdown()
        try await simulator.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        try? await simulator.shutdown()
        throw error
    }
}

/// Reads events until `predicate` accepts one; returns the events read (the accepted one last).
@discardableResult
func read<Update>(
    _ iterator: inout IGStreamingSubscription<Update>.AsyncIterator,
    until predicate: (IGStreamingEvent<Update>) -> Bool
) async throws -> [IGStreamingEvent<Update>] {
    var events: [IGStreamingEvent<Update>] = []
    while let event = try await iterator.next() {
        events.append(event)
        if predicate(event) { return events }
    }
    Issue.record("the subscription ended before the expected event")
    return events
}

/// The next typed update.
func nextUpdate<Update>(_ iterator: inout IGStreamingSubscription<Update>.AsyncIterator) async throws -> Update? {
    let events = try await read(&iterator) { if case .update = $0 { true } else { false } }
    if case .update(let update)? = events.last { return update }
    return nil
}

/// Waits until the status satisfies `predicate`.
func waitForStatus(_ streaming: IGStreamingClient, _ predicate: (TLCPConnectionStatus) -> Bool) async {
    for await status in streaming.statusUpdates where predicate(status) { return }
}

extension IGStreamingEvent {
    var isGap: Bool { if case .gap = self { true } else { false } }
    var isSessionReplacedGap: Bool { if case .gap(.sessionReplaced, _) = self { true } else { false } }
}
