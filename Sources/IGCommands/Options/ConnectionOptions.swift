import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading
import Logging

/// Options shared by every command that talks to IG.
public struct ConnectionOptions: ParsableArguments {
    @Option(help: "Where to connect: sim (an embedded simulator, the default), demo or live.")
    var env: EnvironmentChoice = .sim

    @Option(help: "Any IG-compatible server instead, e.g. http://127.0.0.1:8470 (a running `ig simulator`).")
    var baseURL: String?

    @Option(help: "A profile from the profile file (default ~/.config/swift-ig/profiles.json).")
    var profile: String?

    @Option(help: "Login session version: 1, 2 or 3.")
    var sessionVersion = SessionVersionArgument.v2

    @Flag(help: "Encrypt the password at login (IG's RSA scheme).")
    var encrypt = false

    @Option(help: "The account id to use (default: IG's default account).")
    var account: String?

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical. Secrets are redacted.")
    var logLevel: LogLevelChoice = .warning

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}

    func logger(label: String = "ig") -> Logger {
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = logLevel.level
        return logger
    }

    /// Connects as configured (starting an embedded simulator for `--env sim`) and runs `body` with a client.
    /// Whether the commands talk to IG's LIVE servers (`--env live` without `--base-url`).
    var targetsLive: Bool { self.env == .live && self.baseURL == nil }

    /// Connects as configured and runs `body` with a client. With `transport` (a dry run's offline transport), the
    /// client sends through it and runs without credentials when none are configured.
    func withClient<T: Sendable>(
        transport: (any IGHTTPTransport)? = nil, _ body: (IGClient) async throws -> T
    ) async throws -> T {
        let version = sessionVersion.value
        var simulator: IGSimulator?
        let environment: IGEnvironment
        let credentials: IGCredentials
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme != nil else {
                throw ValidationError("--base-url must be a URL such as http://127.0.0.1:8470.")
            }
            environment = .custom(url)
            credentials = (try? explicitCredentials()) ?? Self.simulatorCredentials()
        } else {
            switch env {
            case .sim:
                let embedded = try IGSimulator(configuration: .embedded())
                let url = try await embedded.start()
                simulator = embedded
                environment = .custom(url)
                credentials = Self.simulatorCredentials()
            case .demo:
                environment = .demo
                credentials = try explicitCredentials()
            case .live:
                environment = .live
                credentials =
                    transport == nil
                    ? try explicitCredentials()
                    : (try? explicitCredentials())
                        ?? IGCredentials(identifier: "dry-run", password: "dry-run", apiKey: "dry-run")
            }
        }
        let configuration = IGClient.Configuration(
            environment: environment, liveTrading: env == .live ? .enabled : .disabled, sessionVersion: version,
            passwordEncryption: encrypt ? .always : .automatic,
            accountId: account.map { AccountId(rawValue: $0) } ?? credentials.accountId, logger: logger())
        let client = try IGClient(configuration: configuration, credentials: credentials, transport: transport)
        do {
            let result = try await body(client)
            try await client.shutdown()
            try await simulator?.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            try? await simulator?.shutdown()
            throw error
        }
    }

    private func explicitCredentials() throws -> IGCredentials {
        if let profile { return try IGCredentials.fromProfile(named: profile) }
        return try IGCredentials.fromEnvironment()
    }

    static func simulatorCredentials(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> IGCredentials {
        let defaults = SimulatorConfiguration.fromEnvironment(environment)
        return IGCredentials(identifier: defaults.identifier, password: defaults.password, apiKey: defaults.apiKey)
    }
}

extension SimulatorConfiguration {
    /// The configuration of a simulator embedded in a command: the usual logins, on a free loopback port.
    static func embedded() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration.fromEnvironment()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        return configuration
    }
}
