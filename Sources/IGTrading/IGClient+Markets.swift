public import Foundation
public import IGModels

extension IGClient {
    /// Market operations.
    public var markets: Markets { Markets(client: self) }

    /// Market operations of an ``IGClient``.
    public struct Markets: Sendable {
        let client: IGClient

        /// `GET /markets/{epic}` (v3): instrument, dealing rules and snapshot.
        public func get(_ epic: Epic) async throws(IGError) -> MarketDetails {
            try await client.decoded(
                MarketDetails.self,
                IGRequest(.get, "/markets/\(epic.rawValue)", version: 3, operation: "GET /markets/{epic}"))
        }

        /// `GET /markets?epics=…` (v2): details of up to 50 markets, sorted by epic as IG returns them.
        public func get(_ epics: [Epic]) async throws(IGError) -> [MarketDetails] {
            guard !epics.isEmpty else { return [] }
            guard epics.count <= 50 else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /markets?epics",
                    detail: "\(epics.count) epics requested", hint: IGError.hint(for: .tooManyEpics))
            }
            let request = IGRequest(
                .get, "/markets", version: 2,
                query: [URLQueryItem(name: "epics", value: epics.map(\.rawValue).joined(separator: ","))],
                operation: "GET /markets?epics")
            return try await client.decoded(MarketDetailsList.self, request).marketDetails
        }

        /// `GET /markets?searchTerm=…`: markets whose name or epic matches `term`.
        public func search(_ term: String) async throws(IGError) -> [MarketSummary] {
            let request = IGRequest(
                .get, "/markets", query: [URLQueryItem(name: "searchTerm", value: term)],
                operation: "GET /markets?searchTerm")
            return try await client.decoded(MarketSearchResponse.self, request).markets
        }
    }
}
