import Foundation
import IGModels
import IGSimulatorTesting
import Logging

@testable import IGTrading

/// A client for the simulator at `url`, shut down after `body`; never paced unless `rateLimiting` says so.
func withClient<T>(
    _ url: URL, version: SessionVersion = .v2, credentials: IGCredentials = .simulator,
    encryption: PasswordEncryption = .automatic, accountId: AccountId? = nil, logger: Logger? = nil,
    transport: (any IGHTTPTransport)? = nil, rateLimiting: RateLimiting = .fixed(.testing),
    retryPolicy: RetryPolicy = .standard, _ body: (IGClient) async throws -> T
) async throws -> T {
    var configuration = IGClient.Configuration(
        sessionVersion: version, passwordEncryption: encryption, accountId: accountId, rateLimiting: rateLimiting,
        retryPolicy: retryPolicy)
    if let logger { configuration.logger = logger }
    return try await IGClient.withClient(
        simulatorAt: url, configuration: configuration, credentials: credentials, transport: transport, body)
}

func realTransport() -> any IGHTTPTransport {
    AsyncHTTPClientTransport(connectTimeout: .seconds(5))
}
