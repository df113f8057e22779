import Foundation

/// The body of `GET /clientsentiment?marketIds=…` and `GET /clientsentiment/related/{marketId}`.
public struct ClientSentimentList: Codable, Sendable, Hashable {
    public var clientSentiments: [ClientSentiment]

    enum CodingKeys: String, CodingKey { case clientSentiments }

    public init(clientSentiments: [ClientSentiment]) { self.clientSentiments = clientSentiments }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientSentiments = try container.decodeIfPresent([ClientSentiment].self, forKey: .clientSentiments) ?? []
    }
}
