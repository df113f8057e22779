import Foundation

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
