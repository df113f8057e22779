import Foundation

/// `POST /positions/otc`, validated for shape (400s) by the route.
struct OpenPositionRequest: Sendable, Hashable {
    var dealReference: String?
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    /// MARKET, LIMIT or QUOTE.
    var orderType: String = "MARKET"
    var level: Decimal?
    var currencyCode: String
    var forceOpen: Bool
    var guaranteedStop: Bool = false
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
    var trailingStop: Bool = false
    var trailingStopIncrement: Decimal?
}
