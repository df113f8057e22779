import ArgumentParser
import Foundation
import IGSimulator

/// `ig-simulator`: serves the IG REST simulator until SIGINT or SIGTERM.
@main
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ig-simulator",
        abstract: "Run a local imitation of IG's REST trading API.",
        discussion: """
            REST is served under http://HOST:PORT/gateway/deal. Credentials default to IG_SIM_USER, \
            IG_SIM_PASSWORD and IG_SIM_API_KEY when set, else demo-user / demo-password / demo-api-key.
            """
    )

    @Option(help: "Interface to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 8470

    @Option(help: "Seed of the deterministic price engine.")
    var seed: UInt64 = 42

    @Option(help: "Login identifier (default: $IG_SIM_USER or demo-user).")
    var user: String?

    @Option(help: "Login password (default: $IG_SIM_PASSWORD or demo-password).")
    var password: String?

    @Option(name: .customLong("api-key"), help: "API key (default: $IG_SIM_API_KEY or demo-api-key).")
    var apiKey: String?

    func run() async throws {
        var configuration = SimulatorConfiguration.fromEnvironment()
        configuration.host = self.host
        configuration.port = self.port
        configuration.seed = self.seed
        if let user { configuration.identifier = user }
        if let password { configuration.password = password }
        if let apiKey { configuration.apiKey = apiKey }
        let simulator = try IGSimulator(configuration: configuration)
        try await simulator.run(handlingSignals: true) { url in
            // Written straight to the file descriptor, so it is visible at once even when stdout is a pipe.
            FileHandle.standardOutput.write(Data("IG simulator listening on \(url.absoluteString)\n".utf8))
        }
    }
}
