import Foundation

/// `PUT /workingorders/otc/{dealId}`.
struct AmendWorkingOrderRequest: Sendable, Hashable {
    var dealId: String
    var level: Decimal
    var kind: SimWorkingOrder.Kind?
    var goodTill: Date?
    var timeInForceGiven: Bool = false
    var guaranteedStop: Bool = false
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
}
