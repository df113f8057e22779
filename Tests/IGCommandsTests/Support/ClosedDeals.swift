import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

/// A simulator that never paces and never refuses a repeated order, with room for many bitcoin deals.
func dealingConfiguration() -> SimulatorConfiguration {
    var configuration = SimulatorConfiguration.testing
    configuration.dealing = DealingConfiguration(duplicateOrderWindow: .zero, startingBalances: ["ZSB01": 10_000_000])
    return configuration
}

/// Opens `count` bitcoin positions through the REST client, closes them all, and returns the opening references,
/// oldest first: the history then holds `2 * count` activities and `count` transactions.
func openAndCloseBitcoinPositions(simulatorAt url: URL, count: Int) async throws -> [DealReference] {
    let configuration = IGClient.Configuration(rateLimiting: .fixed(.testing))
    return try await IGClient.withClient(simulatorAt: url, configuration: configuration) { client in
        var references: [DealReference] = []
        for _ in 0..<count {
            let confirmation = try await client.dealing.open(
                PositionOrder(epic: "CS.D.BITCOIN.TODAY.IP", direction: .buy, size: 0.5),
                options: DealingOptions(validate: false))
            #expect(confirmation.isAccepted)
            references.append(confirmation.dealReference)
        }
        _ = try await client.dealing.closeAll()
        return references
    }
}
