public import Foundation

/// The body of `GET /repeat-dealing-window`: the deals whose sizes decide the price tier of the next deal.
public struct RepeatDealingWindow: Codable, Sendable, Hashable {
    /// The account's id.
    public var accountId: AccountId?
    /// Milliseconds since the epoch (UTC) of the request.
    public var requestStartTime: Int64?
    /// The deals in the repeat-dealing window.
    public var repeatDealingEntryList: [RepeatDealingEntry]

    enum CodingKeys: String, CodingKey { case accountId, requestStartTime, repeatDealingEntryList }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accountId = try container.decodeIfPresent(AccountId.self, forKey: .accountId)
        requestStartTime = try container.decodeIfPresent(Int64.self, forKey: .requestStartTime)
        repeatDealingEntryList =
            try container.decodeIfPresent([RepeatDealingEntry].self, forKey: .repeatDealingEntryList) ?? []
    }

    /// ``requestStartTime`` as a date.
    public var requestStart: Date? { requestStartTime.map { Date(timeIntervalSince1970: Double($0) / 1000) } }
}
