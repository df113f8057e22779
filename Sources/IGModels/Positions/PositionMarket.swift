public import Foundation

/// The market block of a position or working order.
public struct PositionMarket: Codable, Sendable, Hashable {
    public var instrumentName: String?
    public var expiry: String?
    public var epic: Epic
    public var instrumentType: InstrumentType?
    public var lotSize: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var percentageChange: Decimal?
    public var netChange: Decimal?
    public var bid: Decimal?
    public var offer: Decimal?
    public var updateTime: String?
    public var updateTimeUTC: String?
    public var delayTime: Int?
    public var streamingPricesAvailable: Bool?
    public var marketStatus: MarketStatus?
    public var scalingFactor: Decimal?
}
