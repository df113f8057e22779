public import Foundation

/// How IG's clients are positioned on a market (`GET /clientsentiment/{marketId}`).
///
/// The two percentages sum to 100. `marketId` is a market group id (`instrument.marketId`, e.g. `FT100`).
public struct ClientSentiment: Codable, Sendable, Hashable {
    /// IG's market id.
    public var marketId: String
    /// Percentage of clients holding long positions.
    public var longPositionPercentage: Decimal
    /// Percentage of clients holding short positions.
    public var shortPositionPercentage: Decimal

    /// Creates a sentiment.
    public init(marketId: String, longPositionPercentage: Decimal, shortPositionPercentage: Decimal) {
        self.marketId = marketId
        self.longPositionPercentage = longPositionPercentage
        self.shortPositionPercentage = shortPositionPercentage
    }
}
