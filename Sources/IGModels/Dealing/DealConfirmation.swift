public import Foundation

/// A deal confirmation (`GET /confirms/{dealReference}`): the outcome of a dealing request.
///
/// A rejection is data, not an error: ``dealStatus`` is `REJECTED` and ``reason`` says why.
public struct DealConfirmation: Codable, Sendable, Hashable {
    /// One position or order the deal touched.
    public struct AffectedDeal: Codable, Sendable, Hashable {
        /// The affected deal.
        public var dealId: DealId
        /// What happened to it.
        public var status: AffectedDealStatus?

        /// Creates an affected-deal entry.
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

    /// The reference the deal was sent with.
    public var dealReference: DealReference
    /// The deal IG created or changed (for a close, IG may return the opening deal's id).
    public var dealId: DealId?
    /// `ACCEPTED` or `REJECTED`.
    public var dealStatus: DealStatus
    /// Why: `SUCCESS`, or the reason for a rejection.
    public var reason: DealReason?
    /// What happened to the position or order (`OPEN`, `AMENDED`, `CLOSED`…).
    public var status: DealConfirmStatus?
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS` (UTC) as IG sent it.
    public var date: String?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The deals the request affected.
    public var affectedDeals: [AffectedDeal]?
    /// The level the deal was done at.
    public var level: Decimal?
    /// The deal size (stake per point for spread bets, contracts for CFDs).
    public var size: Decimal?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The limit level, if any.
    public var limitLevel: Decimal?
    /// The stop's distance from the deal level, in points.
    public var stopDistance: Decimal?
    /// The limit's distance from the deal level, in points.
    public var limitDistance: Decimal?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// Whether the stop trails the price.
    public var trailingStop: Bool?
    /// The realised profit or loss, for a close.
    public var profit: Decimal?
    /// The currency of `profit`.
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
