import Foundation
import IGModels
import IGSimulator
import Logging
import Synchronization
import Testing

@testable import IGTrading

/// Starts a simulator on a free loopback port, runs `body`, and shuts the simulator down.
func withSimulator<T>(
    _ configuration: SimulatorConfiguration = .functionalTests,
    _ body: (IGSimulator, URL) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.port = 0
    let simulator = try IGSimulator(configuration: configuration)
    let url = try await simulator.start()
    do {
        let result = try await body(simulator, url)
        try await simulator.shutdown()
        return result
    } catch {
        try? await simulator.shutdown()
        throw error
    }
}

/// Allowances high enough that functional tests are never paced (the rate-limit tests set their own).
let generousAllowances = IGAllowances(
    applicationOverall: 100_000, accountOverall: 100_000, accountTrading: 100_000, historicalDataPoints: 10_000_000)

extension SimulatorConfiguration {
    /// A simulator on a free port that publishes IG's allowances but does not enforce them, so functional tests run
    /// unpaced (the rate-limit tests enforce their own).
    static var functionalTests: SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        return configuration
    }
}

let simulatorCredentials = IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key")

/// A client for the simulator at `url`, shut down after `body`.
func withClient<T>(
    _ url: URL, version: SessionVersion = .v2, credentials: IGCredentials = simulatorCredentials,
    encryption: PasswordEncryption = .automatic, accountId: AccountId? = nil, logger: Logger? = nil,
    transport: (any IGHTTPTransport)? = nil, rateLimiting: RateLimiting = .fixed(generousAllowances),
    retryPolicy: RetryPolicy = .standard, _ body: (IGClient) async throws -> T
) async throws -> T {
    var configuration = IGClient.Configuration(
        environment: .custom(url), sessionVersion: version, passwordEncryption: encryption, accountId: accountId,
        rateLimiting: rateLimiting, retryPolicy: retryPolicy)
    if let logger { configuration.logger = logger }
    let client = try IGClient(configuration: configuration, credentials: credentials, transport: transport)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// Collects every log line and its metadata, at every level.
final class CapturingLogHandler: LogHandler, Sendable {
    let lines = Mutex<[String]>([])
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let rendered = "\(event.level) \(event.message) \(event.metadata ?? [:])"
        lines.withLock { $0.append(rendered) }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

/// Wraps the real transport and records every exchange (to find the secrets that must not be logged) and can
/// damage bodies (to test decoding errors).
final class RecordingTransport: IGHTTPTransport {
    let inner: any IGHTTPTransport
    let exchanges = Mutex<[(IGHTTPRequest, IGHTTPResponse)]>([])
    let truncateBodiesOf: String?

    init(inner: any IGHTTPTransport, truncateBodiesOf: String? = nil) {
        self.inner = inner
        self.truncateBodiesOf = truncateBodiesOf
    }

    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse {
        var response = try await inner.send(request)
        if let path = truncateBodiesOf, request.url.path.hasSuffix(path) {
            response.body = response.body.prefix(response.body.count / 2)
        }
        exchanges.withLock { $0.append((request, response)) }
        return response
    }

    func shutdown() async throws { try await inner.shutdown() }

    /// Every secret value that crossed the wire: API key, password, tokens in headers and bodies.
    var secrets: Set<String> {
        exchanges.withLock { exchanges in
            var found = Set<String>()
            for (request, response) in exchanges {
                for header in request.headers + response.headers {
                    switch header.name.lowercased() {
                    case "x-ig-api-key", "cst", "x-security-token": found.insert(header.value)
                    case "authorization": found.insert(String(header.value.split(separator: " ").last ?? ""))
                    default: break
                    }
                }
                for body in [request.body ?? Data(), response.body] {
                    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { continue }
                    var values: [String: Any] = object
                    if let token = object["oauthToken"] as? [String: Any] { values.merge(token) { a, _ in a } }
                    for key in ["password", "access_token", "refresh_token"] {
                        if let value = values[key] as? String { found.insert(value) }
                    }
                }
            }
            return found.filter { $0.count >= 6 }
        }
    }
}

func realTransport() -> any IGHTTPTransport {
    AsyncHTTPClientTransport(connectTimeout: .seconds(5))
}

/// Runs `body` and returns the `IGError` it throws (failing the test if it throws nothing or something else).
func igError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> IGError? {
    do {
        try await body()
        Issue.record("expected an IGError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as IGError {
        return error
    } catch {
        Issue.record("expected an IGError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
