public import Foundation
public import IGModels

extension IGClient {
    /// Indicative costs and charges (ex-ante cost disclosure).
    public var costs: Costs { Costs(client: self) }

    /// Indicative costs and charges operations of an ``IGClient`` (`/indicativecostsandcharges`, v1).
    ///
    /// IG serves these only in some regions; elsewhere it answers 400 `public-api.costs-and-charges.client-error`.
    public struct Costs: Sendable {
        let client: IGClient

        /// `POST /indicativecostsandcharges/open`: the costs of opening a position.
        public func open(_ deal: IndicativeCostsRequest) async throws(IGError) -> IndicativeOpeningCosts {
            try await client.decoded(
                IndicativeOpeningCosts.self,
                IGRequest(.post, "/indicativecostsandcharges/open", body: IGRequest.json(deal)))
        }

        /// `POST /indicativecostsandcharges/close`: the costs of closing a position (needs `openingLevel`).
        public func close(_ deal: IndicativeCostsRequest) async throws(IGError) -> IndicativeCloseCosts {
            guard deal.openingLevel != nil else {
                throw IGError(
                    code: .invalidArgument, operation: "POST /indicativecostsandcharges/close",
                    detail: "openingLevel is required for a closing quote")
            }
            return try await client.decoded(
                IndicativeCloseCosts.self,
                IGRequest(.post, "/indicativecostsandcharges/close", body: IGRequest.json(deal)))
        }

        /// `POST /indicativecostsandcharges/edit`: the closing costs should an amended stop or limit be hit.
        public func edit(_ deal: IndicativeCostsRequest) async throws(IGError) -> IndicativeEditCosts {
            guard deal.openingLevel != nil else {
                throw IGError(
                    code: .invalidArgument, operation: "POST /indicativecostsandcharges/edit",
                    detail: "openingLevel is required for an edit quote")
            }
            return try await client.decoded(
                IndicativeEditCosts.self,
                IGRequest(.post, "/indicativecostsandcharges/edit", body: IGRequest.json(deal)))
        }

        /// `GET /indicativecostsandcharges/history/from/{from}/to/{to}`: one page of earlier quotes.
        public func history(
            from: Date, to: Date, pageNumber: Int = 1, pageSize: Int = 50, type: String? = nil
        ) async throws(IGError) -> CostsHistoryPage {
            var query = [
                URLQueryItem(name: "pageNumber", value: String(pageNumber)),
                URLQueryItem(name: "pageSize", value: String(pageSize)),
            ]
            if let type { query.append(URLQueryItem(name: "type", value: type)) }
            let path =
                "/indicativecostsandcharges/history/from/\(IGDateFormat.isoWithOffset(from))"
                + "/to/\(IGDateFormat.isoWithOffset(to))"
            return try await client.decoded(
                CostsHistoryPage.self,
                IGRequest(
                    .get, path, query: query, operation: "GET /indicativecostsandcharges/history/from/{from}/to/{to}"))
        }

        /// `GET /indicativecostsandcharges/durablemedium/{reference}`: a quote as a PDF document.
        public func document(_ indicativeQuoteReference: String) async throws(IGError) -> Data {
            let request = IGRequest(
                .get, "/indicativecostsandcharges/durablemedium/\(indicativeQuoteReference)",
                operation: "GET /indicativecostsandcharges/durablemedium/{reference}")
            return try await client.perform(request).body
        }
    }
}
