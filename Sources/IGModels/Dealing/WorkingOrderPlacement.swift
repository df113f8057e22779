public import Foundation

/// The body of `POST /workingorders/otc` (v2): a LIMIT or STOP order.
public struct WorkingOrderPlacement: Codable, Sendable, Hashable {
    public var dealReference: DealReference?
    public var epic: Epic
    public var expiry: String
    public var direction: Direction
    public var size: Decimal
    public var level: Decimal
    public var type: WorkingOrderType
    public var timeInForce: WorkingOrderTimeInForce
    /// `yyyy/MM/dd HH:mm:ss` (UTC); required for GOOD_TILL_DATE.
    public var goodTillDate: String?
    public var currencyCode: String
    public var guaranteedStop: Bool
    public var forceOpen: Bool?
    public var stopLevel: Decimal?
    public var stopDistance: Decimal?
    public var limitLevel: Decimal?
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
