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
            try await checkHistoricalAllowance(
                points: Self.estimatedPoints(resolution: resolution, from: from, to: to, max: max), epic: epic)
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
                if let allowance {
                    client.pipeline.limits.record(allowance, account: await client.sessionManager.current?.accountId)
                }
                let pages = page.metadata?.pageData
                guard let pages, pages.totalPages > pages.pageNumber, !page.prices.isEmpty else { break }
                pageNumber = pages.pageNumber + 1
            }
            return HistoricalPrices(
                epic: epic, resolution: resolution, instrumentType: instrumentType, bars: bars, allowance: allowance)
        }

        /// The most points a request can return: its bar count for a range, `max` (IG's default 10) otherwise.
        static func estimatedPoints(resolution: Resolution, from: Date?, to: Date?, max: Int?) -> Int {
            if let from {
                let end = to ?? Date()
                return Int((end.timeIntervalSince(from) / Double(resolution.seconds)).rounded(.up)) + 1
            }
            return max ?? 10
        }

        /// Refuses, before sending, a request that would need more historical points than IG said remain.
        private func checkHistoricalAllowance(points: Int, epic: Epic) async throws(IGError) {
            let account = await client.sessionManager.current?.accountId
            guard let known = client.pipeline.limits.historicalAllowance(account: account), known.resetsAt > Date(),
                points > known.remaining
            else { return }
            throw IGError(
                code: .allowanceExhausted, operation: "GET /prices/{epic}",
                errorCode: .exceededHistoricalDataAllowance,
                detail: "\(epic) needs up to \(points) price points; \(known.remaining) of \(known.total) remain "
                    + "until \(known.resetsAt) (UTC)",
                hint: "Ask for fewer bars (a shorter range or a coarser resolution), or wait until the allowance "
                    + "resets at \(known.resetsAt). Nothing was sent, so nothing was used.")
        }
    }
}
