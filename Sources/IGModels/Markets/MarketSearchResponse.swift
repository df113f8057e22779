import Foundation

/// The body of `GET /markets?searchTerm=…`.
public struct MarketSearchResponse: Codable, Sendable, Hashable {
    /// The markets found.
    public var markets: [MarketSummary]
}
