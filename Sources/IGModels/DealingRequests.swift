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

/// The body of `PUT /positions/otc/{dealId}` (v2): the position's new stop and limit (nil removes them).
public struct PositionAmendment: Codable, Sendable, Hashable {
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool
    /// Whether the stop trails the price.
    public var trailingStop: Bool
    /// In points.
    public var trailingStopDistance: Decimal?
    /// In points.
    public var trailingStopIncrement: Decimal?

    /// Creates an amendment; `nil` removes a stop or limit.
    public init(
        stopLevel: Decimal? = nil, limitLevel: Decimal? = nil, guaranteedStop: Bool = false,
        trailingStop: Bool = false, trailingStopDistance: Decimal? = nil, trailingStopIncrement: Decimal? = nil
    ) {
        self.stopLevel = stopLevel
        self.limitLevel = limitLevel
        self.guaranteedStop = guaranteedStop
        self.trailingStop = trailingStop
        self.trailingStopDistance = trailingStopDistance
        self.trailingStopIncrement = trailingStopIncrement
    }
}

/// The body of `DELETE /positions/otc` (v1): close a position by deal id, or by epic + expiry.
public struct PositionClose: Codable, Sendable, Hashable {
    /// The position to close (or give `epic` and `expiry`).
    public var dealId: DealId?
    /// The market, when closing by epic instead of deal id.
    public var epic: Epic?
    /// The expiry, when closing by epic.
    public var expiry: String?
    /// The opposite of the position's direction.
    public var direction: Direction
    /// Smaller than the position's size for a partial close.
    public var size: Decimal
    /// `MARKET`, `LIMIT` or `QUOTE`.
    public var orderType: DealOrderType
    /// The level, for `LIMIT` and `QUOTE` closes.
    public var level: Decimal?
    /// The quote id, for `QUOTE` closes.
    public var quoteId: String?
    /// `EXECUTE_AND_ELIMINATE` or `FILL_OR_KILL`.
    public var timeInForce: DealTimeInForce?

    /// Closes `size` of the position `dealId` at market.
    public init(dealId: DealId, direction: Direction, size: Decimal) {
        self.dealId = dealId
        self.direction = direction
        self.size = size
        self.orderType = .market
    }

    /// Closes `size` of the positions on `epic`/`expiry` at market, oldest first.
    public init(epic: Epic, expiry: String, direction: Direction, size: Decimal) {
        self.epic = epic
        self.expiry = expiry
        self.direction = direction
        self.size = size
        self.orderType = .market
    }
}

/// The body of `POST /workingorders/otc` (v2): a LIMIT or STOP order.
public struct WorkingOrderPlacement: Codable, Sendable, Hashable {
    /// The reference of the dealing request.
    public var dealReference: DealReference?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The deal size (stake per point for spread bets, contracts for CFDs).
    public var size: Decimal
    /// The level at which the order triggers.
    public var level: Decimal
    /// `LIMIT` or `STOP`.
    public var type: WorkingOrderType
    /// `GOOD_TILL_CANCELLED` or `GOOD_TILL_DATE`.
    public var timeInForce: WorkingOrderTimeInForce
    /// `yyyy/MM/dd HH:mm:ss` (UTC); required for GOOD_TILL_DATE.
    public var goodTillDate: String?
    /// The deal's currency, e.g. `GBP`.
    public var currencyCode: String
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool
    /// Open a new position instead of netting against an opposite one.
    public var forceOpen: Bool?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The stop's distance from the deal level, in points.
    public var stopDistance: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The limit's distance from the deal level, in points.
    public var limitDistance: Decimal?

    /// Creates an order, good till cancelled unless `goodTill` is given; spread bet defaults (`DFB`, GBP).
    public init(
        epic: Epic, direction: Direction, size: Decimal, level: Decimal, type: WorkingOrderType,
        goodTill: Date? = nil, expiry: String = "DFB", currencyCode: String = "GBP", guaranteedStop: Bool = false,
        forceOpen: Bool? = true, stopLevel: Decimal? = nil, stopDistance: Decimal? = nil, limitLevel: Decimal? = nil,
        limitDistance: Decimal? = nil, dealReference: DealReference? = nil
    ) {
        self.dealReference = dealReference
        self.epic = epic
        self.expiry = expiry
        self.direction = direction
        self.size = size
        self.level = level
        self.type = type
        self.timeInForce = goodTill == nil ? .goodTillCancelled : .goodTillDate
        self.goodTillDate = goodTill.map { IGDateFormat.slashed.string(from: $0) }
        self.currencyCode = currencyCode
        self.guaranteedStop = guaranteedStop
        self.forceOpen = forceOpen
        self.stopLevel = stopLevel
        self.stopDistance = stopDistance
        self.limitLevel = limitLevel
        self.limitDistance = limitDistance
    }
}

/// The body of `PUT /workingorders/otc/{dealId}`: replaces level, type, expiry and stop/limit.
public struct WorkingOrderAmendment: Codable, Sendable, Hashable {
    /// The new trigger level.
    public var level: Decimal
    /// `LIMIT` or `STOP`.
    public var type: WorkingOrderType
    /// `GOOD_TILL_CANCELLED` or `GOOD_TILL_DATE`.
    public var timeInForce: WorkingOrderTimeInForce
    /// When a `GOOD_TILL_DATE` order expires, as IG writes it (`yyyy/MM/dd HH:mm:ss`).
    public var goodTillDate: String?
    /// Always sent: omitting it would turn a guaranteed stop into a normal one.
    public var guaranteedStop: Bool
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The stop's distance from the deal level, in points.
    public var stopDistance: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The limit's distance from the deal level, in points.
    public var limitDistance: Decimal?

    /// Creates an amendment; a `goodTill` date makes the order `GOOD_TILL_DATE`.
    public init(
        level: Decimal, type: WorkingOrderType, goodTill: Date? = nil, guaranteedStop: Bool = false,
        stopLevel: Decimal? = nil, stopDistance: Decimal? = nil, limitLevel: Decimal? = nil,
        limitDistance: Decimal? = nil
    ) {
        self.level = level
        self.type = type
        self.timeInForce = goodTill == nil ? .goodTillCancelled : .goodTillDate
        self.goodTillDate = goodTill.map { IGDateFormat.slashed.string(from: $0) }
        self.guaranteedStop = guaranteedStop
        self.stopLevel = stopLevel
        self.stopDistance = stopDistance
        self.limitLevel = limitLevel
        self.limitDistance = limitDistance
    }
}
