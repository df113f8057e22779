public import Foundation

/// One activity of `GET /history/activity` v3: a dealing action (accepted or rejected) or a system action.
public struct Activity: Codable, Sendable, Hashable {
    /// What the action did to one deal.
    public struct Action: Codable, Sendable, Hashable {
        public var actionType: ActivityActionType
        public var affectedDealId: DealId?
    }

    /// The details IG adds with `detailed=true` (`null` otherwise).
    public struct Details: Codable, Sendable, Hashable {
        public var dealReference: DealReference?
        public var actions: [Action]?
        public var marketName: String?
        /// `yyyy-MM-dd'T'HH:mm:ss` or nil.
        public var goodTillDate: String?
        public var currency: String?
        public var size: Decimal?
        public var direction: Direction?
        public var level: Decimal?
        public var stopLevel: Decimal?
        public var stopDistance: Decimal?
        public var guaranteedStop: Bool?
        public var trailingStopDistance: Decimal?
        public var trailingStep: Decimal?
        public var limitLevel: Decimal?
        public var limitDistance: Decimal?
    }

    /// `yyyy-MM-dd'T'HH:mm:ss` as IG sent it.
    public var date: String
    public var epic: Epic?
    public var period: String?
    public var dealId: DealId?
    public var channel: ActivityChannel?
    public var type: ActivityType?
    public var status: ActivityStatus?
    public var description: String?
    public var details: Details?

    /// ``date`` read as UTC (IG's guide: timestamps are UTC unless stated otherwise).
    public var occurredAt: Date? { IGDateFormat.iso.date(from: date) }
}
