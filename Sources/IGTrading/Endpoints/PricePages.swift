import Foundation
import IGModels

/// The pages of a v3 price history, fetched lazily by page number.
///
/// Iterating checks the historical allowance once before the first request (unless made with `checkingAllowance:
/// false`), then asks for page 1, 2… until IG says
/// the last page was served (`pageNumber == totalPages`, `totalPages == 0` or an empty page).
public struct PricePages: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = IGClient.PricePage
    /// The error the sequence throws.
    public typealias Failure = IGError

    let client: IGClient
    let epic: Epic
    let query: [URLQueryItem]
    /// The most points the request can cost, checked before the first page; nil: not checked.
    let estimatedPoints: Int?

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: self)
    }

    /// The iterator of ``PricePages``.
    public struct Iterator: AsyncIteratorProtocol {
        let pages: PricePages
        var nextPageNumber: Int? = 1

        init(pages: PricePages) { self.pages = pages }

        /// The next element, or `nil` at the end.
        public mutating func next() async throws(IGError) -> IGClient.PricePage? {
            try await nextPage()
        }

        mutating func nextPage() async throws(IGError) -> IGClient.PricePage? {
            guard let pageNumber = nextPageNumber else { return nil }
            let client = pages.client
            if pageNumber == 1, let points = pages.estimatedPoints {
                try await client.prices.checkHistoricalAllowance(points: points, epic: pages.epic)
            }
            let request = IGRequest(
                .get, "/prices/\(pages.epic.rawValue)", version: 3,
                query: pages.query + [URLQueryItem(name: "pageNumber", value: String(pageNumber))],
                operation: "GET /prices/{epic}")
            let body: PricesV3Response
            do {
                body = try await client.decoded(PricesV3Response.self, request)
            } catch {
                nextPageNumber = nil
                throw error
            }
            var bars: [PriceBar] = []
            bars.reserveCapacity(body.prices.count)
            for payload in body.prices {
                guard let bar = PriceBar(payload: payload) else {
                    nextPageNumber = nil
                    throw IGError(
                        code: .decoding, operation: request.operation,
                        detail: "unreadable bar time '\(payload.snapshotTimeUTC ?? payload.snapshotTime)'")
                }
                bars.append(bar)
            }
            let allowance = body.metadata?.allowance
            if let allowance {
                client.pipeline.limits.record(allowance, account: await client.sessionManager.current?.accountId)
            }
            let pageData = body.metadata?.pageData
            if let pageData, pageData.totalPages > pageData.pageNumber, !body.prices.isEmpty {
                nextPageNumber = pageData.pageNumber + 1
            } else {
                nextPageNumber = nil
            }
            return IGClient.PricePage(
                bars: bars, instrumentType: body.instrumentType, allowance: allowance, pageData: pageData,
                size: body.metadata?.size)
        }
    }
}
