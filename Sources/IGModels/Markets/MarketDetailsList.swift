import Foundation

/// The body of `GET /markets?epics=…`.
public struct MarketDetailsList: Codable, Sendable, Hashable {
    /// The markets.
    public var marketDetails: [MarketDetails]
}
