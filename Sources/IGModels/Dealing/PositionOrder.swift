public import Foundation

/// The body of `POST /positions/otc` (v2): open a position (or net against an opposite one).
public struct PositionOrder: Codable, Sendable, Hashable {
    /// The client's reference; the dealing workflows fill it in when nil.
    public var dealReference: DealReference?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// `DFB` or a dated expiry (`SEP-26`) for spread bets, `-` for CFDs.
    public var expiry: String
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The deal size (stake per point for spread bets, contracts for CFDs).
    public var size: Decimal
    /// `MARKET`, `LIMIT` or `QUOTE`.
    public var orderType: DealOrderType
    /// The worst acceptable level (LIMIT and QUOTE orders).
    public var level: Decimal?
    /// The quote id, for `QUOTE` orders.
    public var quoteId: String?
    /// The deal's currency, e.g. `GBP`.
    public var currencyCode: String
    /// False: an opposite position on the same market is closed first (netting).
    public var forceOpen: Bool
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// In points.
    public var stopDistance: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// In points.
    public var limitDistance: Decimal?
    /// Whether the stop trails the price.
    public var trailingStop: Bool?
    /// How far the price must move before a trailing stop follows, in points.
    public var trailingStopIncrement: Decimal?
    /// `EXECUTE_AND_ELIMINATE` or `FILL_OR_KILL`.
    public var timeInForce: DealTimeInForce?

    /// Creates a market order; spread bet defaults (`DFB`, GBP).
    public init(
        epic: Epic, direction: Direction, size: Decimal, expiry: String = "DFB", currencyCode: String = "GBP",
        orderType: DealOrderType = .market, level: Decimal? = nil, forceOpen: Bool = true,
        guaranteedStop: Bool = false, stopLevel: Decimal? = nil, stopDistance: Decimal? = nil,
        limitLevel: Decimal? = nil, limitDistance: Decimal? = nil, trailingStop: Bool? = nil,
        trailingStopIncrement: Decimal? = nil, timeInForce: DealTimeInForce? = nil,
        dealReference: DealReference? = nil
    ) {
        self.dealReference = dealReference
        self.epic = epic
        self.expiry = expiry
        self.direction = direction
        self.size = size
        self.orderType = orderType
        self.level = level
        self.currencyCode = currencyCode
        self.forceOpen = forceOpen
        self.guaranteedStop = guaranteedStop
        self.stopLevel = stopLevel
        self.stopDistance = stopDistance
        self.limitLevel = limitLevel
        self.limitDistance = limitDistance
        self.trailingStop = trailingStop
        self.trailingStopIncrement = trailingStopIncrement
        self.timeInForce = timeInForce
    }
}
