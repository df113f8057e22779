import Foundation

/// `PUT /positions/otc/{dealId}`.
struct AmendPositionRequest: Sendable, Hashable {
    var dealId: String
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var guaranteedStop: Bool = false
    var trailingStop: Bool = false
    var trailingStopDistance: Decimal?
    var trailingStopIncrement: Decimal?
}
