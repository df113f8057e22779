public import Foundation

/// A market as listed by search, navigation, watchlists and positions.
public struct MarketSummary: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The instrument's name.
    public var instrumentName: String?
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The lot size.
    public var lotSize: Decimal?
    /// Today's high.
    public var high: Decimal?
    /// Today's low.
    public var low: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Today's change in price.
    public var netChange: Decimal?
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var offer: Decimal?
    /// When the price last changed, as IG writes it (local time).
    public var updateTime: String?
    /// When the price last changed, UTC, as IG writes it.
    public var updateTimeUTC: String?
    /// How many minutes the prices are delayed.
    public var delayTime: Int?
    /// Whether prices stream.
    public var streamingPricesAvailable: Bool?
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
}
