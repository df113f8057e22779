import Foundation

/// A working order (LIMIT or STOP) held by the engine.
struct SimWorkingOrder: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case limit = "LIMIT"
        case stop = "STOP"
    }

    var dealId: String
    var dealReference: String
    var accountId: String
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var kind: Kind
    /// nil = good till cancelled.
    var goodTill: Date?
    var currency: String
    var created: Date
    var stopDistance: Decimal?
    var limitDistance: Decimal?
    var guaranteedStop: Bool
    var forceOpen: Bool
    /// The last dealing time of the dated contract the order is in (it is deleted then), nil when undated.
    var contractExpiry: Date?
    var revision: Int = 0
}
