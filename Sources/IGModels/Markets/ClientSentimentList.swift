import Foundation

/// The body of `GET /clientsentiment?marketIds=…` and `GET /clientsentiment/related/{marketId}`.
public struct ClientSentimentList: Codable, Sendable, Hashable {
    /// The sentiments.
    public var clientSentiments: [ClientSentiment]

    enum CodingKeys: String, CodingKey { case clientSentiments }

    /// Creates a list.
    public init(clientSentiments: [ClientSentiment]) { self.clientSentiments = clientSentiments }

    /// Creates a list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientSentiments = try container.decodeIfPresent([ClientSentiment].self, forKey: .clientSentiments) ?? []
    }
}
