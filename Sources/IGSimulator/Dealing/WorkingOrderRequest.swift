import Foundation

/// `POST /workingorders/otc` and the body of `PUT /workingorders/otc/{dealId}`.
struct WorkingOrderRequest: Sendable, Hashable {
    var dealReference: String?
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var kind: SimWorkingOrder.Kind
    var goodTill: Date?
    var currencyCode: String
    var guaranteedStop: Bool = false
    var forceOpen: Bool = true
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
}
