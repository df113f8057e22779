public import Foundation

/// One activity of `GET /history/activity` v3: a dealing action (accepted or rejected) or a system action.
public struct Activity: Codable, Sendable, Hashable {
    /// What the action did to one deal.
    public struct Action: Codable, Sendable, Hashable {
        /// What the action did, e.g. `POSITION_OPENED`.
        public var actionType: ActivityActionType
        /// The deal the action affected.
        public var affectedDealId: DealId?
    }

    /// The details IG adds with `detailed=true` (`null` otherwise).
    public struct Details: Codable, Sendable, Hashable {
        /// The reference of the dealing request.
        public var dealReference: DealReference?
        /// What the activity did to deals.
        public var actions: [Action]?
        /// The market's name.
        public var marketName: String?
        /// `yyyy-MM-dd'T'HH:mm:ss` or nil.
        public var goodTillDate: String?
        /// The currency, e.g. `GBP`.
        public var currency: String?
        /// The deal size.
        public var size: Decimal?
        /// `BUY` or `SELL`.
        public var direction: Direction?
        /// The deal level.
        public var level: Decimal?
        /// The stop level, if any.
        public var stopLevel: Decimal?
        /// The stop's distance from the deal level, in points.
        public var stopDistance: Decimal?
        /// Whether the stop is guaranteed.
        public var guaranteedStop: Bool?
        /// The trailing stop's distance, in points.
        public var trailingStopDistance: Decimal?
        /// The trailing stop's step, in points.
        public var trailingStep: Decimal?
        /// The limit level, if any.
        public var limitLevel: Decimal?
        /// The limit's distance from the deal level, in points.
        public var limitDistance: Decimal?
    }

    /// `yyyy-MM-dd'T'HH:mm:ss` as IG sent it.
    public var date: String
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// The expiry period, e.g. `DFB` or `-`.
    public var period: String?
    /// IG's id of the position or working order.
    public var dealId: DealId?
    /// Where the activity came from (web, mobile, the API, the system…).
    public var channel: ActivityChannel?
    /// The kind of activity: position, working order, stop/limit edit or system.
    public var type: ActivityType?
    /// Whether IG accepted or rejected it.
    public var status: ActivityStatus?
    /// IG's description, e.g. `Position opened: DIAAAA…`.
    public var description: String?
    /// Deal details (v3 with `detailed=true` only).
    public var details: Details?

    /// ``date`` read as UTC (IG's guide: timestamps are UTC unless stated otherwise).
    public var occurredAt: Date? { IGDateFormat.iso.date(from: date) }
}
