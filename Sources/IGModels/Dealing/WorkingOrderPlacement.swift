public import Foundation

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
