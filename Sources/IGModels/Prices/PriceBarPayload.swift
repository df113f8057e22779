public import Foundation

/// A historical price bar exactly as IG sends it in a v3 price body.
public struct PriceBarPayload: Codable, Sendable, Hashable {
    /// Account-local start of the bar (`yyyy/MM/dd HH:mm:ss`).
    public var snapshotTime: String
    /// UTC start of the bar (`yyyy-MM-dd'T'HH:mm:ss`); v1 and v2 bodies do not carry it.
    public var snapshotTimeUTC: String?
    /// The bar's opening prices.
    public var openPrice: PriceQuote
    /// The bar's closing prices.
    public var closePrice: PriceQuote
    /// The bar's highest prices.
    public var highPrice: PriceQuote
    /// The bar's lowest prices.
    public var lowPrice: PriceQuote
    /// The volume traded during the bar, where IG has one.
    public var lastTradedVolume: Decimal?
}
