import Foundation

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
