import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

/// The shared test support every test target starts its simulators with.
@Suite("IGSimulatorTesting: running simulators and clients for tests")
struct SimulatorTestingTests {
    struct Planned: Error, Equatable {}

    @Test("withRunning listens on a free port, returns what the body returns, and stops the simulator afterwards")
    func runsAndStops() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.port = 8470
        let (simulator, url, accounts) = try await IGSimulator.withRunning(configuration: configuration) {
            simulator, url in
            #expect(url.port != nil && url.port != 8470, "the configured port is replaced by a free one")
            #expect(simulator.baseURL == url)
            let accounts = try await IGClient.withClient(simulatorAt: url) { client in
                try await client.accounts.list()
            }
            return (simulator, url, accounts)
        }
        #expect(accounts.map(\.accountId.rawValue) == [IGSimulator.spreadBetAccountId, IGSimulator.cfdAccountId])
        #expect(simulator.baseURL == nil)
        let noRetries = IGClient.Configuration(timeouts: .init(connect: .seconds(1)), retryPolicy: .none)
        await #expect(throws: IGError.self, "nothing listens on the URL any more") {
            try await IGClient.withClient(simulatorAt: url, configuration: noRetries) { client in
                _ = try await client.accounts.list()
            }
        }
    }

    @Test("withRunning stops the simulator when the body throws, and rethrows the body's error")
    func stopsOnThrow() async throws {
        let stopped = SimulatorBox()
        await #expect(throws: Planned()) {
            try await IGSimulator.withRunning { simulator, _ in
                stopped.simulator = simulator
                throw Planned()
            }
        }
        let simulator = try #require(stopped.simulator)
        #expect(simulator.baseURL == nil)
    }

    @Test("The testing configuration publishes IG's allowances without enforcing them; credentials follow the login")
    func configurationAndCredentials() {
        let testing = SimulatorConfiguration.testing
        #expect(testing.port == 0)
        #expect(testing.allowances == .unlimited)
        var custom = SimulatorConfiguration()
        custom.identifier = "someone"
        custom.password = "secret-words"
        custom.apiKey = "key-123"
        let credentials = custom.credentials
        #expect(credentials.identifier == "someone" && credentials.password == "secret-words")
        #expect(credentials.apiKey == "key-123" && credentials.environment == nil)
        #expect(IGCredentials.simulator.identifier == SimulatorConfiguration().identifier)
        #expect(IGCredentials.simulator.apiKey == SimulatorConfiguration().apiKey)
    }
}

/// Carries the simulator out of a body that throws.
private final class SimulatorBox: @unchecked Sendable {
    var simulator: IGSimulator?
}
