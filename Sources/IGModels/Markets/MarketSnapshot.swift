public import Foundation

/// The current prices and state of a market.
public struct MarketSnapshot: Codable, Sendable, Hashable {
    public var marketStatus: MarketStatus?
    public var netChange: Decimal?
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    public var delayTime: Int?
    public var bid: Decimal?
    public var offer: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var binaryOdds: Decimal?
    public var decimalPlacesFactor: Int?
    public var scalingFactor: Decimal?
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
