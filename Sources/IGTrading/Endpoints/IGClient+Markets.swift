import Foundation
public import IGModels

extension IGClient {
    /// Market operations.
    public var markets: Markets { Markets(client: self) }

    /// Market operations of an ``IGClient``.
    public struct Markets: Sendable {
        let client: IGClient

        /// `GET /markets/{epic}`: instrument, dealing rules and snapshot.
        ///
        /// - Parameters:
        ///   - epic: the market.
        ///   - version: IG's version, 3 by default; 2 and 1 are available (v1 instruments carry
        ///   `margin` instead of `marginFactor` and currency names, their dealing rules no
        ///   `trailingStopsPreference`), and 4 from IG's newer documentation (`limitAllowed`/`stopAllowed`,
        ///   `updateTimestampUTC`, no `marketOrderPreference`).
        public func get(_ epic: Epic, version: Int = 3) async throws(IGError) -> MarketDetails {
            guard (1...4).contains(version) else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /markets/{epic}",
                    detail: "version \(version) is not one of 1, 2, 3, 4")
            }
            return try await client.decoded(
                MarketDetails.self,
                IGRequest(.get, "/markets/\(epic.rawValue)", version: version, operation: "GET /markets/{epic}"))
        }

        /// `GET /markets?epics=…`: details of up to 50 markets, sorted by epic as IG returns them.
        ///
        /// - Parameters:
        ///   - epics: up to 50 markets.
        ///   - filter: v2 only; `MarketDetailsFilter.snapshotOnly` leaves out dealing rules and most of the
        ///     instrument.
        ///   - version: 2 by default, or 1 (which has no filter).
        public func get(
            _ epics: [Epic], filter: MarketDetailsFilter = .all, version: Int = 2
        ) async throws(IGError) -> [MarketDetails] {
            guard !epics.isEmpty else { return [] }
            guard epics.count <= 50 else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /markets?epics",
                    detail: "\(epics.count) epics requested", hint: IGError.hint(for: .tooManyEpics))
            }
            guard version == 1 || version == 2 else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /markets?epics", detail: "version \(version) is not 1 or 2")
            }
            var query = [URLQueryItem(name: "epics", value: epics.map(\.rawValue).joined(separator: ","))]
            if version == 2 { query.append(URLQueryItem(name: "filter", value: filter.rawValue)) }
            let request = IGRequest(.get, "/markets", version: version, query: query, operation: "GET /markets?epics")
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
