public import Foundation

/// An open position (`GET /positions` v2 `position` block).
public struct Position: Codable, Sendable, Hashable {
    public var contractSize: Decimal?
    /// Account-local `yyyy/MM/dd HH:mm:ss:SSS`, kept raw.
    public var createdDate: String?
    /// `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var createdDateUTC: String?
    public var dealId: DealId
    public var dealReference: DealReference?
    public var size: Decimal
    public var direction: Direction
    public var limitLevel: Decimal?
    public var level: Decimal
    public var currency: String?
    /// True for a guaranteed stop.
    public var controlledRisk: Bool?
    public var stopLevel: Decimal?
    public var trailingStep: Decimal?
    public var trailingStopDistance: Decimal?
    /// The guaranteed-stop premium (`null` without a guaranteed stop).
    public var limitedRiskPremium: RuleValue?

    /// When the position was opened (UTC).
    public var createdAt: Date? { createdDateUTC.flatMap { IGDateFormat.date(from: $0) } }
}

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

/// One entry of `GET /positions` (v2): the position and its market.
public struct OpenPosition: Codable, Sendable, Hashable, Identifiable {
    public var position: Position
    public var market: PositionMarket

    public var id: DealId { position.dealId }
}

/// The body of `GET /positions` (v2).
public struct PositionsResponse: Codable, Sendable, Hashable {
    public var positions: [OpenPosition]
}
