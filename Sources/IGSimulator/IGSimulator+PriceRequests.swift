import Foundation

extension IGSimulator {
    /// Every historical-price request served so far (the newest 100,000), oldest first: who asked, for which epic,
    /// resolution and range, and the points it cost. Also at `GET /simulator/prices/requests`.
    public func priceRequests() async -> [PriceRequestRecord] {
        self.core.context.priceRequests.all
    }

    /// The logins ``SimulatorConfiguration/users`` adds: `IDENTIFIER-2` … `IDENTIFIER-N`.
    public static func teamIdentifiers(_ configuration: SimulatorConfiguration) -> [String] {
        guard configuration.users > 1 else { return [] }
        return (2...min(configuration.users, SimulatorConfiguration.maximumUsers)).map {
            "\(configuration.identifier)-\($0)"
        }
    }
}
