public import Foundation

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
