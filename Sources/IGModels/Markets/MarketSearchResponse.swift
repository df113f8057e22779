import Foundation

/// The body of `GET /markets?searchTerm=…`.
public struct MarketSearchResponse: Codable, Sendable, Hashable {
    public var markets: [MarketSummary]
}
