import Foundation

/// The body of `GET /markets?epics=…`.
public struct MarketDetailsList: Codable, Sendable, Hashable {
    public var marketDetails: [MarketDetails]
}
