public import Foundation

/// The body of `PUT /workingorders/otc/{dealId}`: replaces level, type, expiry and stop/limit.
public struct WorkingOrderAmendment: Codable, Sendable, Hashable {
    public var level: Decimal
    public var type: WorkingOrderType
    public var timeInForce: WorkingOrderTimeInForce
    public var goodTillDate: String?
    /// Always sent: omitting it would turn a guaranteed stop into a normal one.
    public var guaranteedStop: Bool
    public var stopLevel: Decimal?
    public var stopDistance: Decimal?
    public var limitLevel: Decimal?
    public var limitDistance: Decimal?

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
