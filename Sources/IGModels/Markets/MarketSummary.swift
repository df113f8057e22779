public import Foundation

/// A market as listed by search, navigation, watchlists and positions.
public struct MarketSummary: Codable, Sendable, Hashable {
    public var epic: Epic
    public var instrumentName: String?
    public var instrumentType: InstrumentType?
    public var expiry: String?
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
