public import Foundation

/// An instrument of `GET /categories/{categoryId}/instruments`.
public struct CategoryInstrument: Codable, Sendable, Hashable {
    public var epic: Epic
    public var instrumentName: String?
    public var expiry: String?
    public var instrumentType: InstrumentType?
    public var lotSize: Decimal?
    public var otcTradeable: Bool?
    public var marketStatus: MarketStatus?
    public var delayTime: Int?
    public var bid: Decimal?
    public var offer: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var netChange: Decimal?
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    public var scalingFactor: Decimal?
}
