import Foundation
import IGSimulator

extension IGSimulator {
    /// Starts a simulator on a free loopback port, runs `body` with it and its base URL, and shuts it down
    /// afterwards, also when `body` throws.
    ///
    /// The port of `configuration` is ignored: the simulator always listens on a port the system picks, so tests
    /// can run side by side.
    ///
    /// ```swift
    /// try await IGSimulator.withRunning { simulator, url in
    ///     try await IGClient.withClient(simulatorAt: url) { client in
    ///         _ = try await client.session.login()
    ///     }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: The simulator to start; ``SimulatorConfiguration/testing`` by default.
    ///   - body: Runs while the simulator listens; receives the simulator and its base URL (`http://host:port`).
    /// - Returns: What `body` returns.
    /// - Throws: What `start()` or `body` throws, or the error of a failed shutdown after `body` succeeded.
    public static func withRunning<Result>(
        configuration: SimulatorConfiguration = .testing,
        _ body: (IGSimulator, URL) async throws -> Result
    ) async throws -> Result {
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
}
