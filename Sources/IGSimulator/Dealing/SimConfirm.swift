import Foundation

/// A deal confirmation as `GET /confirms/{dealReference}` reports it.
struct SimConfirm: Sendable, Hashable {
    struct AffectedDeal: Sendable, Hashable {
        var dealId: String
        var status: String
    }

    var dealReference: String
    var dealId: String
    var accountId: String
    var date: Date
    var status: String?
    var reason: String
    var dealStatus: String
    var epic: String?
    var expiry: String?
    var affectedDeals: [AffectedDeal] = []
    var level: Decimal?
    var size: Decimal?
    var direction: DealSide?
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var stopDistance: Decimal?
    var limitDistance: Decimal?
    var guaranteedStop: Bool = false
    var trailingStop: Bool = false
    var profit: Decimal?
    var profitCurrency: String?

    var isAccepted: Bool { self.dealStatus == "ACCEPTED" }
}
