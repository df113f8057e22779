import Foundation

/// `DELETE /positions/otc`.
struct ClosePositionRequest: Sendable, Hashable {
    var dealId: String?
    var epic: String?
    var expiry: String?
    var direction: DealSide
    var size: Decimal
    var orderType: String = "MARKET"
    var level: Decimal?
}
