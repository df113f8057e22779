public import Foundation

/// An instrument of `GET /categories/{categoryId}/instruments`.
public struct CategoryInstrument: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The instrument's name.
    public var instrumentName: String?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// The lot size.
    public var lotSize: Decimal?
    /// Whether the market can be dealt over the counter.
    public var otcTradeable: Bool?
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
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
    /// Today's change in price.
    public var netChange: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
}
