public import Foundation
public import IGModels

extension IGClient {
    /// Historical price operations.
    public var prices: Prices { Prices(client: self) }

    /// One page of a v3 price history.
    public struct PricePage: Sendable, Hashable {
        /// Bars of this page, oldest first.
        public var bars: [PriceBar]
        /// The instrument's type, as IG reported it.
        public var instrumentType: InstrumentType?
        /// The historical-data allowance after this page.
        public var allowance: PriceAllowance?
        /// The page's position (`nil` when IG sent none).
        public var pageData: PageData?
        /// `metadata.size`: the number of points of the whole result.
        public var size: Int?
    }

    /// Historical price operations of an ``IGClient``.
    public struct Prices: Sendable {
        let client: IGClient

        /// `GET /prices/{epic}` (v3), following every page.
        ///
        /// - Parameters:
        ///   - epic: the market.
        ///   - resolution: the bar size.
        ///   - from: start (UTC) of the range; with `to`, IG ignores `max`.
        ///   - to: end (UTC) of the range.
        ///   - max: the number of most recent bars when no range is given (IG's default is 10).
        ///   - pageSize: bars per page (IG's default 20; 0 asks for one unpaged answer).
        ///   - checkingAllowance: refuse before sending (``IGError/Code/allowanceExhausted``) when the most bars the
        ///     range can hold exceed the historical allowance IG last reported as remaining; `false` sends anyway and
        ///     leaves the answer to IG.
        public func history(
            epic: Epic, resolution: Resolution = .minute, from: Date? = nil, to: Date? = nil, max: Int? = nil,
            pageSize: Int = 0, checkingAllowance: Bool = true
        ) async throws(IGError) -> HistoricalPrices {
            var bars: [PriceBar] = []
            var instrumentType: InstrumentType?
            var allowance: PriceAllowance?
            var iterator = pages(
                epic: epic, resolution: resolution, from: from, to: to, max: max, pageSize: pageSize,
                checkingAllowance: checkingAllowance
            ).makeAsyncIterator()
            while let page = try await iterator.nextPage() {
                bars += page.bars
                instrumentType = page.instrumentType ?? instrumentType
                allowance = page.allowance ?? allowance
            }
            return HistoricalPrices(
                epic: epic, resolution: resolution, instrumentType: instrumentType, bars: bars, allowance: allowance)
        }

        /// `GET /prices/{epic}` (v3) as a lazy sequence of pages: each page is requested when the caller asks for
        /// it, and nothing is requested (or waited for) after the last one.
        /// `checkingAllowance` as in ``history(epic:resolution:from:to:max:pageSize:checkingAllowance:)``.
        public func pages(
            epic: Epic, resolution: Resolution = .minute, from: Date? = nil, to: Date? = nil, max: Int? = nil,
            pageSize: Int = 20, checkingAllowance: Bool = true
        ) -> PricePages {
            var query = [
                URLQueryItem(name: "resolution", value: resolution.rawValue),
                URLQueryItem(name: "pageSize", value: String(pageSize)),
            ]
            if let from { query.append(URLQueryItem(name: "from", value: IGDateFormat.iso.string(from: from))) }
            if let to { query.append(URLQueryItem(name: "to", value: IGDateFormat.iso.string(from: to))) }
            if let max { query.append(URLQueryItem(name: "max", value: String(max))) }
            return PricePages(
                client: client, epic: epic, query: query,
                estimatedPoints: checkingAllowance
                    ? Self.estimatedPoints(resolution: resolution, from: from, to: to, max: max) : nil)
        }

        /// `GET /prices/{epic}/{resolution}/{numPoints}` (v2, or v1): the last `count` bars.
        ///
        /// v1/v2 bodies carry only account-local times. Bars are placed in UTC with `accountTimeZone` when given
        /// (DST-exact, e.g. `Europe/London` for UK accounts), else with the session's current `timezoneOffset`,
        /// which is wrong by the DST difference for bars from the other half of the year. The raw local time is
        /// kept in `PriceBar.localTime`.
        public func last(
            _ count: Int, epic: Epic, resolution: Resolution, version: Int = 2, accountTimeZone: TimeZone? = nil
        ) async throws(IGError) -> HistoricalPrices {
            guard version == 1 || version == 2, count >= 0, resolution != .second else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /prices/{epic}/{resolution}/{numPoints}",
                    detail: "needs version 1 or 2, count ≥ 0 and a resolution other than SECOND")
            }
            try await checkHistoricalAllowance(points: count, epic: epic)
            let request = IGRequest(
                .get, "/prices/\(epic.rawValue)/\(resolution.rawValue)/\(count)", version: version,
                operation: "GET /prices/{epic}/{resolution}/{numPoints}")
            return try await legacy(request, epic: epic, resolution: resolution, timeZone: accountTimeZone)
        }

        /// The bars between two dates: v2 `GET /prices/{epic}/{resolution}/{start}/{end}` (path dates
        /// `yyyy-MM-dd HH:mm:ss`), or v1 `GET /prices/{epic}/{resolution}?startdate&enddate` (`yyyy:MM:dd-HH:mm:ss`).
        public func range(
            epic: Epic, resolution: Resolution, from: Date, to: Date, version: Int = 2, accountTimeZone: TimeZone? = nil
        ) async throws(IGError) -> HistoricalPrices {
            guard version == 1 || version == 2, to > from, resolution != .second else {
                throw IGError(
                    code: .invalidArgument, operation: "GET /prices/{epic}/{resolution} (date range)",
                    detail: "needs version 1 or 2, to after from and a resolution other than SECOND")
            }
            try await checkHistoricalAllowance(
                points: Self.estimatedPoints(resolution: resolution, from: from, to: to, max: nil), epic: epic)
            let request: IGRequest
            if version == 2 {
                request = IGRequest(
                    .get,
                    "/prices/\(epic.rawValue)/\(resolution.rawValue)/\(IGDateFormat.spaced.string(from: from))/"
                        + IGDateFormat.spaced.string(from: to),
                    version: 2, operation: "GET /prices/{epic}/{resolution}/{startDate}/{endDate}")
            } else {
                request = IGRequest(
                    .get, "/prices/\(epic.rawValue)/\(resolution.rawValue)", version: 1,
                    query: [
                        URLQueryItem(name: "startdate", value: IGDateFormat.colon.string(from: from)),
                        URLQueryItem(name: "enddate", value: IGDateFormat.colon.string(from: to)),
                    ],
                    operation: "GET /prices/{epic}/{resolution}?startdate&enddate")
            }
            return try await legacy(request, epic: epic, resolution: resolution, timeZone: accountTimeZone)
        }

        /// A price table (bid/ask/last OHLC, volume, mid, spread) of a v3 history; see ``history(epic:resolution:from:to:max:pageSize:checkingAllowance:)``.
        public func table(
            epic: Epic, resolution: Resolution = .minute, from: Date? = nil, to: Date? = nil, max: Int? = nil,
            pageSize: Int = 0
        ) async throws(IGError) -> PriceTable {
            PriceTable(
                try await history(
                    epic: epic, resolution: resolution, from: from, to: to, max: max, pageSize: pageSize))
        }

        private func legacy(
            _ request: IGRequest, epic: Epic, resolution: Resolution, timeZone: TimeZone?
        ) async throws(IGError) -> HistoricalPrices {
            let body = try await client.decoded(PricesLegacyResponse.self, request)
            let offsetHours = await client.sessionManager.current?.timezoneOffset ?? 0
            let offset = Int((offsetHours * 3600).rounded())
            var bars: [PriceBar] = []
            bars.reserveCapacity(body.prices.count)
            for payload in body.prices {
                var barOffset = offset
                if let timeZone, let wall = IGDateFormat.date(from: payload.snapshotTime, trying: [.slashed, .colon]) {
                    let guess = wall.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: wall)))
                    barOffset = timeZone.secondsFromGMT(for: guess)
                }
                guard let bar = PriceBar(payload: payload, localOffset: barOffset) else {
                    throw IGError(
                        code: .decoding, operation: request.operation,
                        detail: "unreadable bar time '\(payload.snapshotTime)'")
                }
                bars.append(bar)
            }
            if let allowance = body.allowance {
                client.pipeline.limits.record(allowance, account: await client.sessionManager.current?.accountId)
            }
            return HistoricalPrices(
                epic: epic, resolution: resolution, instrumentType: body.instrumentType, bars: bars,
                allowance: body.allowance)
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
        func checkHistoricalAllowance(points: Int, epic: Epic) async throws(IGError) {
            let account = await client.sessionManager.current?.accountId
            guard let known = client.pipeline.limits.historicalAllowance(account: account), known.resetsAt > Date(),
                points > known.remaining
            else { return }
            let resets = IGDateFormat.iso.string(from: known.resetsAt) + "Z"
            throw IGError(
                code: .allowanceExhausted, operation: "GET /prices/{epic}",
                errorCode: .exceededHistoricalDataAllowance,
                detail: "\(epic) needs up to \(points) price points; \(known.remaining) of \(known.total) remain "
                    + "until \(resets)",
                hint: "Ask for fewer bars (a shorter range or a coarser resolution), or wait until the allowance "
                    + "resets at \(resets). Nothing was sent, so nothing was used. A store (`PriceCache` in "
                    + "IGMarketDataSync, `ig prices --store`) keeps what you fetch, so no bar is paid twice.")
        }
    }
}
