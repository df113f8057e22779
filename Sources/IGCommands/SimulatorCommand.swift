import ArgumentParser
import Foundation
import IGSimulator

/// `ig simulator`: runs the IG simulator as a server.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run the IG simulator (REST under /gateway/deal) until interrupted.",
        discussion: """
            Prints "IG simulator listening on http://HOST:PORT" once it accepts connections. Log in with \
            identifier demo-user, password demo-password and API key demo-api-key (or IG_SIM_USER, \
            IG_SIM_PASSWORD, IG_SIM_API_KEY).
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 8470
    @Option(help: "Seed of the deterministic price engine.") var seed: UInt64?
    @Option(help: "Login identifier (default demo-user or IG_SIM_USER).") var user: String?
    @Option(help: "Login password (default demo-password or IG_SIM_PASSWORD).") var password: String?
    @Option(help: "API key (default demo-api-key or IG_SIM_API_KEY).") var apiKey: String?

    func run() async throws {
        var configuration = SimulatorConfiguration.fromEnvironment()
        configuration.host = host
        configuration.port = port
        if let seed { configuration.seed = seed }
        if let user { configuration.identifier = user }
        if let password { configuration.password = password }
        if let apiKey { configuration.apiKey = apiKey }
        let simulator = try IGSimulator(configuration: configuration)
        try await simulator.run(handlingSignals: true) { url in
            Console.line("IG simulator listening on \(url.absoluteString)")
        }
    }
}
