public import Foundation

/// A deal confirmation (`GET /confirms/{dealReference}`): the outcome of a dealing request.
///
/// A rejection is data, not an error: ``dealStatus`` is `REJECTED` and ``reason`` says why.
public struct DealConfirmation: Codable, Sendable, Hashable {
    /// One position or order the deal touched.
    public struct AffectedDeal: Codable, Sendable, Hashable {
        public var dealId: DealId
        public var status: AffectedDealStatus?

        public init(dealId: DealId, status: AffectedDealStatus?) {
            self.dealId = dealId
            self.status = status
        }
    }

    /// Where the confirmation came from.
    public enum Source: String, Codable, Sendable, Hashable {
        /// IG's `/confirms` answer.
        case confirms
        /// Rebuilt from the open positions after `/confirms` stayed unavailable (fields are partial).
        case positions
        /// Rebuilt from the account state after an amendment, close or cancel whose answer was lost.
        case accountState
        /// Rebuilt from the account's activity after a close whose answer was lost (a close carries no reference).
        case activity
    }

    public var dealReference: DealReference
    public var dealId: DealId?
    public var dealStatus: DealStatus
    public var reason: DealReason?
    public var status: DealConfirmStatus?
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS` (UTC) as IG sent it.
    public var date: String?
    public var epic: Epic?
    public var expiry: String?
    public var affectedDeals: [AffectedDeal]?
    public var level: Decimal?
    public var size: Decimal?
    public var direction: Direction?
    public var stopLevel: Decimal?
    public var limitLevel: Decimal?
    public var stopDistance: Decimal?
    public var limitDistance: Decimal?
    public var guaranteedStop: Bool?
    public var trailingStop: Bool?
    public var profit: Decimal?
    public var profitCurrency: String?
    /// Not an IG field: how the client learned this outcome (nil = straight from `/confirms`).
    public var source: Source?
    /// Not an IG field: how long the client spent reconciling a lost answer (nil when nothing was lost).
    public var reconciliationTime: Duration?

    /// Creates a confirmation.
    public init(
        dealReference: DealReference, dealId: DealId?, dealStatus: DealStatus, reason: DealReason?,
        status: DealConfirmStatus?, epic: Epic? = nil, affectedDeals: [AffectedDeal]? = nil, level: Decimal? = nil,
        size: Decimal? = nil, direction: Direction? = nil, source: Source? = nil
    ) {
        self.dealReference = dealReference
        self.dealId = dealId
        self.dealStatus = dealStatus
        self.reason = reason
        self.status = status
        self.epic = epic
        self.affectedDeals = affectedDeals
        self.level = level
        self.size = size
        self.direction = direction
        self.source = source
    }

    /// True when IG accepted the deal.
    public var isAccepted: Bool { dealStatus == .accepted }

    /// The confirmation time in UTC.
    public var dateUTC: Date? { date.flatMap { IGDateFormat.date(from: $0) } }
}
