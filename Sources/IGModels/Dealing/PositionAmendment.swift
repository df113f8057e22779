public import Foundation

/// The body of `PUT /positions/otc/{dealId}` (v2): the position's new stop and limit (nil removes them).
public struct PositionAmendment: Codable, Sendable, Hashable {
    public var stopLevel: Decimal?
    public var limitLevel: Decimal?
    public var guaranteedStop: Bool
    public var trailingStop: Bool
    /// In points.
    public var trailingStopDistance: Decimal?
    /// In points.
    public var trailingStopIncrement: Decimal?

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
