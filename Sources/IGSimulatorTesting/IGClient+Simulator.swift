import Foundation
import IGTrading

extension IGClient {
    /// Creates a client for the simulator at `url`, runs `body` with it, and shuts the client down afterwards,
    /// also when `body` throws.
    ///
    /// - Parameters:
    ///   - url: The simulator's base URL, as passed by ``IGSimulator/withRunning(configuration:_:)``; it replaces
    ///     the environment of `configuration`.
    ///   - configuration: Every other client setting (session version, rate limiting, retries…).
    ///   - credentials: The login; the default simulator login (``IGCredentials/simulator``) unless given.
    ///   - transport: The HTTP transport; the client's own when `nil` (pass a wrapper to record or alter traffic).
    ///   - body: Runs with the client.
    /// - Returns: What `body` returns.
    /// - Throws: ``IGError`` when the configuration is invalid, what `body` throws, or the error of a failed
    ///   shutdown after `body` succeeded.
    public static func withClient<Result>(
        simulatorAt url: URL,
        configuration: IGClient.Configuration = .init(),
        credentials: IGCredentials = .simulator,
        transport: (any IGHTTPTransport)? = nil,
        _ body: (IGClient) async throws -> Result
    ) async throws -> Result {
        var configuration = configuration
        configuration.environment = .custom(url)
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
}
