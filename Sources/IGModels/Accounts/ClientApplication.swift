import Foundation

/// An API application (key) of the client, from `GET /operations/application`.
public struct ClientApplication: Codable, Sendable, Hashable {
    /// The application's name.
    public var name: String?
    /// The application's API key (a secret: mask it before showing it).
    public var apiKey: String
    /// `ENABLED`, `DISABLED` or `REVOKED`.
    public var status: String?
    /// Non-trading requests per minute for the whole application.
    public var allowanceApplicationOverall: Int?
    /// Trading requests per minute per account.
    public var allowanceAccountTrading: Int?
    /// Non-trading requests per minute per account.
    public var allowanceAccountOverall: Int?
    /// Historical price points per week.
    public var allowanceAccountHistoricalData: Int?
    /// The most Lightstreamer subscriptions allowed at once.
    public var concurrentSubscriptionsLimit: Int?
    /// Whether the key may access equity prices.
    public var allowEquities: Bool?
    /// Whether the key may place quote orders.
    public var allowQuoteOrders: Bool?
    /// `yyyy-MM-dd` (IG has also been seen to send milliseconds since the epoch).
    public var createdDate: String?

    enum CodingKeys: String, CodingKey {
        case name, apiKey, status, allowanceApplicationOverall, allowanceAccountTrading, allowanceAccountOverall
        case allowanceAccountHistoricalData, concurrentSubscriptionsLimit, allowEquities, allowQuoteOrders
        case createdDate
    }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        apiKey = try container.decode(String.self, forKey: .apiKey)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        allowanceApplicationOverall = try container.decodeIfPresent(Int.self, forKey: .allowanceApplicationOverall)
        allowanceAccountTrading = try container.decodeIfPresent(Int.self, forKey: .allowanceAccountTrading)
        allowanceAccountOverall = try container.decodeIfPresent(Int.self, forKey: .allowanceAccountOverall)
        allowanceAccountHistoricalData = try container.decodeIfPresent(
            Int.self, forKey: .allowanceAccountHistoricalData)
        concurrentSubscriptionsLimit = try container.decodeIfPresent(Int.self, forKey: .concurrentSubscriptionsLimit)
        allowEquities = try container.decodeIfPresent(Bool.self, forKey: .allowEquities)
        allowQuoteOrders = try container.decodeIfPresent(Bool.self, forKey: .allowQuoteOrders)
        if let text = try? container.decodeIfPresent(String.self, forKey: .createdDate) {
            createdDate = text
        } else if let millis = try? container.decodeIfPresent(Int64.self, forKey: .createdDate) {
            createdDate =
                IGDateFormat.iso.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
                .prefix(10).description
        } else {
            createdDate = nil
        }
    }
}
