public import Foundation

/// One deal still counted by the repeat-dealing window: its size and when it stops counting.
public struct RepeatDealingSize: Codable, Sendable, Hashable {
    /// A size dealt in the window.
    public var size: Decimal
    /// Milliseconds since the epoch (UTC) at which the deal leaves the window.
    public var expiry: Int64

    /// ``expiry`` as a date.
    public var expiryDate: Date { Date(timeIntervalSince1970: Double(expiry) / 1000) }
}

/// Deals counted in one currency, per direction.
public struct RepeatDealingCurrency: Codable, Sendable, Hashable {
    /// The currency.
    public var currency: String
    /// Sizes bought.
    public var buy: [RepeatDealingSize]
    /// Sizes sold.
    public var sell: [RepeatDealingSize]

    enum CodingKeys: String, CodingKey { case currency, buy, sell }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currency = try container.decode(String.self, forKey: .currency)
        buy = try container.decodeIfPresent([RepeatDealingSize].self, forKey: .buy) ?? []
        sell = try container.decodeIfPresent([RepeatDealingSize].self, forKey: .sell) ?? []
    }
}

/// The repeat-dealing entries of one instrument.
public struct RepeatDealingEntry: Codable, Sendable, Hashable {
    /// Always `E` (the instrument is identified by its epic).
    public var instrumentSource: String?
    /// The epic.
    public var instrumentValue: String
    /// Sizes by currency.
    public var currencyList: [RepeatDealingCurrency]

    enum CodingKeys: String, CodingKey { case instrumentSource, instrumentValue, currencyList }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instrumentSource = try container.decodeIfPresent(String.self, forKey: .instrumentSource)
        instrumentValue = try container.decode(String.self, forKey: .instrumentValue)
        currencyList = try container.decodeIfPresent([RepeatDealingCurrency].self, forKey: .currencyList) ?? []
    }
}

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
