import Foundation

/// The body of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryPage: Codable, Sendable, Hashable {
    /// The quotes of this page.
    public var costsAndChargesHistory: [CostsHistoryEntry]
    /// Where this page is.
    public var pagination: CostsPagination?

    enum CodingKeys: String, CodingKey { case costsAndChargesHistory, pagination }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        costsAndChargesHistory =
            try container.decodeIfPresent([CostsHistoryEntry].self, forKey: .costsAndChargesHistory) ?? []
        pagination = try container.decodeIfPresent(CostsPagination.self, forKey: .pagination)
    }
}
