import Foundation

/// The body of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryPage: Codable, Sendable, Hashable {
    public var costsAndChargesHistory: [CostsHistoryEntry]
    public var pagination: CostsPagination?

    enum CodingKeys: String, CodingKey { case costsAndChargesHistory, pagination }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        costsAndChargesHistory =
            try container.decodeIfPresent([CostsHistoryEntry].self, forKey: .costsAndChargesHistory) ?? []
        pagination = try container.decodeIfPresent(CostsPagination.self, forKey: .pagination)
    }
}
