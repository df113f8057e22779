public import Foundation

/// An open position (`GET /positions` v2 `position` block).
public struct Position: Codable, Sendable, Hashable {
    /// The contract size.
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    /// `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var createdDateUTC: String?
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// The position's size.
    public var size: Decimal
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The level the position was opened at.
    public var level: Decimal
    /// The currency, e.g. `GBP`.
    public var currency: String?
    /// True for a guaranteed stop.
    public var controlledRisk: Bool?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The trailing stop's step, in points.
    public var trailingStep: Decimal?
    /// The trailing stop's distance, in points.
    public var trailingStopDistance: Decimal?
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?

    /// When the position was opened (UTC).
    public var createdAt: Date? { createdDateUTC.flatMap { IGDateFormat.date(from: $0) } }
}

/// The market block of a position or working order.
public struct PositionMarket: Codable, Sendable, Hashable {
    /// The instrument's name.
    public var instrumentName: String?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The instrument's type.
    public var instrumentType: InstrumentType?
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

/// One entry of `GET /positions` (v2): the position and its market.
public struct OpenPosition: Codable, Sendable, Hashable, Identifiable {
    /// The position.
    public var position: Position
    /// Its market, with current prices.
    public var market: PositionMarket

    /// The identity of the element (its deal or account id).
    public var id: DealId { position.dealId }
}

/// The body of `GET /positions` (v2).
public struct PositionsResponse: Codable, Sendable, Hashable {
    /// The open positions.
    public var positions: [OpenPosition]
}
