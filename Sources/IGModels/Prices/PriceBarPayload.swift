public import Foundation

/// A historical price bar exactly as IG sends it in a v3 price body.
public struct PriceBarPayload: Codable, Sendable, Hashable {
    /// Account-local start of the bar (`yyyy/MM/dd HH:mm:ss`).
    public var snapshotTime: String
    /// UTC start of the bar (`yyyy-MM-dd'T'HH:mm:ss`); v1 and v2 bodies do not carry it.
    public var snapshotTimeUTC: String?
    public var openPrice: PriceQuote
    public var closePrice: PriceQuote
    public var highPrice: PriceQuote
    public var lowPrice: PriceQuote
    public var lastTradedVolume: Decimal?
}
