public import Foundation
public import IGModels

extension IGClient {
    /// Historical price operations.
    public var prices: Prices { Prices(client: self) }

    /// Historical price operations of an ``IGClient``.
    public struct Prices: Sendable {
        let client: IGClient

        /// `GET /prices/{epic}` (v3), following every page.
        ///
        /// - Parameters:
        ///   - from: start (UTC) of the range; with `to`, IG ignores `max`.
        ///   - to: end (UTC) of the range.
        ///   - max: the number of most recent bars when no range is given (IG's default is 10).
        ///   - pageSize: bars per page (IG's default 20; 0 asks for one unpaged answer).
        public func history(
            epic: Epic, resolution: Resolution = .minute, from: Date? = nil, to: Date? = nil, max: Int? = nil,
            pageSize: Int = 0
        ) async throws(IGError) -> HistoricalPrices {
            var query = [
                URLQueryItem(name: "resolution", value: resolution.rawValue),
                URLQueryItem(name: "pageSize", value: String(pageSize)),
            ]
            if let from { query.append(URLQueryItem(name: "from", value: IGDateFormat.iso.string(from: from))) }
            if let to { query.append(URLQueryItem(name: "to", value: IGDateFormat.iso.string(from: to))) }
            if let max { query.append(URLQueryItem(name: "max", value: String(max))) }
            var bars: [PriceBar] = []
            var instrumentType: InstrumentType?
            var allowance: PriceAllowance?
            var pageNumber = 1
            while true {
                let request = IGRequest(
                    .get, "/prices/\(epic.rawValue)", version: 3,
                    query: query + [URLQueryItem(name: "pageNumber", value: String(pageNumber))],
                    operation: "GET /prices/{epic}")
                let page = try await client.decoded(PricesV3Response.self, request)
                for payload in page.prices {
                    guard let bar = PriceBar(payload: payload) else {
                        throw IGError(
                            code: .decoding, operation: request.operation,
                            detail: "unreadable bar time '\(payload.snapshotTimeUTC ?? payload.snapshotTime)'")
                    }
                    bars.append(bar)
                }
                instrumentType = page.instrumentType ?? instrumentType
                allowance = page.metadata?.allowance ?? allowance
                let pages = page.metadata?.pageData
                guard let pages, pages.totalPages > pages.pageNumber, !page.prices.isEmpty else { break }
                pageNumber = pages.pageNumber + 1
            }
            return HistoricalPrices(
                epic: epic, resolution: resolution, instrumentType: instrumentType, bars: bars, allowance: allowance)
        }
    }
}
