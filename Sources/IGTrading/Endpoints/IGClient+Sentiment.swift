import Foundation
public import IGModels

extension IGClient {
    /// Client sentiment operations.
    public var sentiment: Sentiment { Sentiment(client: self) }

    /// Client sentiment operations of an ``IGClient``: how IG's clients are positioned, by market group id
    /// (`instrument.marketId`, e.g. `FT100`, `EURUSD`).
    public struct Sentiment: Sendable {
        let client: IGClient

        /// `GET /clientsentiment/{marketId}`.
        public func get(_ marketId: String) async throws(IGError) -> ClientSentiment {
            try await client.decoded(
                ClientSentiment.self,
                IGRequest(.get, "/clientsentiment/\(marketId)", operation: "GET /clientsentiment/{marketId}"))
        }

        /// `GET /clientsentiment?marketIds=A,B`: several markets in one call.
        public func get(_ marketIds: [String]) async throws(IGError) -> [ClientSentiment] {
            guard !marketIds.isEmpty else { return [] }
            let request = IGRequest(
                .get, "/clientsentiment",
                query: [URLQueryItem(name: "marketIds", value: marketIds.joined(separator: ","))],
                operation: "GET /clientsentiment?marketIds")
            return try await client.decoded(ClientSentimentList.self, request).clientSentiments
        }

        /// `GET /clientsentiment/related/{marketId}`: sentiment of markets traded by clients who trade `marketId`.
        public func related(to marketId: String) async throws(IGError) -> [ClientSentiment] {
            try await client.decoded(
                ClientSentimentList.self,
                IGRequest(
                    .get, "/clientsentiment/related/\(marketId)", operation: "GET /clientsentiment/related/{marketId}")
            ).clientSentiments
        }
    }
}
