import Foundation

/// An open position held by the engine.
struct SimPosition: Sendable, Hashable {
    var dealId: String
    var dealReference: String
    var accountId: String
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var currency: String
    var created: Date
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var guaranteedStop: Bool
    /// Trailing stop distance and step, in points.
    var trailingStopDistance: Decimal?
    var trailingStep: Decimal?
    /// The last dealing time of the dated contract the position is in (IG closes it then), nil when undated.
    var contractExpiry: Date?
    /// Changes on every amendment (lets pending trigger searches notice they are stale).
    var revision: Int = 0
}
