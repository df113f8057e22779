public import Foundation

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
