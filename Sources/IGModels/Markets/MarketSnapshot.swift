public import Foundation

/// The current prices and state of a market.
public struct MarketSnapshot: Codable, Sendable, Hashable {
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// Today's change in price.
    public var netChange: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    /// How many minutes the prices are delayed.
    public var delayTime: Int?
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var offer: Decimal?
    /// Today's high.
    public var high: Decimal?
    /// Today's low.
    public var low: Decimal?
    /// The odds, for binaries.
    public var binaryOdds: Decimal?
    /// The number of decimal places of prices.
    public var decimalPlacesFactor: Int?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
    /// The extra spread of a guaranteed stop.
    public var controlledRiskExtraSpread: Decimal?
    /// v4: the time of the quote, in seconds since 1970 (UTC).
    public var updateTimestampUTC: Int64?

    /// v4: when the quote was made.
    public var updatedAt: Date? { updateTimestampUTC.map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    /// The offer minus the bid, when both are known.
    public var spread: Decimal? {
        guard let bid, let offer else { return nil }
        return offer - bid
    }
}
