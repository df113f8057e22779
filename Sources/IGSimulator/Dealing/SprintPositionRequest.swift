import Foundation

/// `POST /positions/sprintmarkets`, checked.
struct SprintPositionRequest: Sendable, Hashable {
    var dealReference: String?
    var epic: String
    var direction: DealSide
    var size: Decimal
    var expiryPeriod: SprintExpiryPeriod
}
