public import Foundation
public import IGModels

extension IGClient {
    /// Account history: activity (v1, v2, v3) and transactions (v1, v2).
    public var history: History { History(client: self) }

    /// Account history operations of an ``IGClient``.
    ///
    /// The v3 activity listing and the v2 transaction listing are the defaults (``activities(from:to:detailed:dealId:filter:pageSize:)``,
    /// ``transactions(_:from:to:maxSpan:pageSize:)``); the older versions are there under their own names because
    /// their items differ (v1/v2 activities are display text). Listings come as lazy page sequences, and as
    /// helpers that gather every page.
    public struct History: Sendable {
        let client: IGClient

        // MARK: Activity v3

        /// `GET /history/activity` (v3) as a lazy sequence of pages, newest first, following IG's `next` link
        /// verbatim (both `from` and `to` as IG wrote them).
        ///
        /// - Parameters:
        ///   - from: start (UTC); IG's default is the start of the history.
        ///   - to: end (UTC); IG's default is now.
        ///   - detailed: ask for `Activity.details` (deal reference, actions, levels).
        ///   - dealId: only the activities of this deal.
        ///   - filter: a FIQL filter, e.g. `channel==PUBLIC_WEB_API;status==ACCEPTED`.
        ///   - pageSize: activities per page, 10 to 500 (IG's default 50).
        public func activityPages(
            from: Date? = nil, to: Date? = nil, detailed: Bool = false, dealId: DealId? = nil, filter: String? = nil,
            pageSize: Int = 50
        ) -> ActivityPages {
            var query: [URLQueryItem] = []
            if let from { query.append(URLQueryItem(name: "from", value: IGDateFormat.iso.string(from: from))) }
            if let to { query.append(URLQueryItem(name: "to", value: IGDateFormat.iso.string(from: to))) }
            if detailed { query.append(URLQueryItem(name: "detailed", value: "true")) }
            if let dealId { query.append(URLQueryItem(name: "dealId", value: dealId.rawValue)) }
            if let filter { query.append(URLQueryItem(name: "filter", value: filter)) }
            query.append(URLQueryItem(name: "pageSize", value: String(pageSize)))
            var problem: String?
            if !(10...500).contains(pageSize) { problem = "pageSize must be between 10 and 500 (got \(pageSize))" }
            if let from, let to, from > to { problem = "from (\(from)) is after to (\(to))" }
            return ActivityPages(client: client, firstQuery: query, problem: problem)
        }

        /// Every activity of ``activityPages(from:to:detailed:dealId:filter:pageSize:)``, newest first.
        public func activities(
            from: Date? = nil, to: Date? = nil, detailed: Bool = false, dealId: DealId? = nil, filter: String? = nil,
            pageSize: Int = 50
        ) async throws(IGError) -> [Activity] {
            try await Self.gather(
                activityPages(
                    from: from, to: to, detailed: detailed, dealId: dealId, filter: filter, pageSize: pageSize))
        }

        // MARK: Activity v2 and v1

        /// `GET /history/activity` (v2) as a lazy sequence of numbered pages.
        ///
        /// - Parameters:
        ///   - from: start (UTC).
        ///   - to: end (UTC).
        ///   - maxSpan: the span before `to` when `from` is not given (IG's default 600 s).
        ///   - pageSize: activities per page (IG's default 20; 0 asks for one unpaged answer).
        public func activityPagesV2(
            from: Date? = nil, to: Date? = nil, maxSpan: Duration? = nil, pageSize: Int = 20
        ) -> NumberedHistoryPages<ActivityV1> {
            numbered(
                "/history/activity", query: [], from: from, to: to, maxSpan: maxSpan, pageSize: pageSize,
                operation: "GET /history/activity (v2)")
        }

        /// Every activity of ``activityPagesV2(from:to:maxSpan:pageSize:)``, newest first.
        public func activitiesV2(
            from: Date? = nil, to: Date? = nil, maxSpan: Duration? = nil, pageSize: Int = 20
        ) async throws(IGError) -> [ActivityV1] {
            try await Self.gather(activityPagesV2(from: from, to: to, maxSpan: maxSpan, pageSize: pageSize))
        }

        /// `GET /history/activity/{lastPeriod}` (v1): the activities of the last `period`.
        public func activitiesV1(last period: Duration) async throws(IGError) -> [ActivityV1] {
            let milliseconds = try Self.milliseconds(period, operation: "GET /history/activity/{lastPeriod}")
            return try await client.decoded(
                ActivityResponseV1.self,
                IGRequest(
                    .get, "/history/activity/\(milliseconds)", operation: "GET /history/activity/{lastPeriod}")
            ).activities
        }

        /// `GET /history/activity/{fromDate}/{toDate}` (v1): whole days, `dd-MM-yyyy` (the days of `from` and
        /// `to` in UTC).
        public func activitiesV1(from: Date, to: Date) async throws(IGError) -> [ActivityV1] {
            let operation = "GET /history/activity/{fromDate}/{toDate}"
            try Self.checkOrder(from, to, operation: operation)
            return try await client.decoded(
                ActivityResponseV1.self,
                IGRequest(.get, "/history/activity/\(Self.day(from))/\(Self.day(to))", operation: operation)
            ).activities
        }

        // MARK: Transactions

        /// `GET /history/transactions` (v2) as a lazy sequence of numbered pages.
        ///
        /// - Parameters:
        ///   - filter: which transactions (all, deals, deposits, withdrawals).
        ///   - from: start (UTC).
        ///   - to: end (UTC).
        ///   - maxSpan: the span before `to` when `from` is not given (IG's default 600 s).
        ///   - pageSize: transactions per page (IG's default 20; 0 asks for one unpaged answer).
        public func transactionPages(
            _ filter: TransactionFilter = .all, from: Date? = nil, to: Date? = nil, maxSpan: Duration? = nil,
            pageSize: Int = 20
        ) -> NumberedHistoryPages<Transaction> {
            numbered(
                "/history/transactions", query: [URLQueryItem(name: "type", value: filter.rawValue)], from: from,
                to: to, maxSpan: maxSpan, pageSize: pageSize, operation: "GET /history/transactions (v2)")
        }

        /// Every transaction of ``transactionPages(_:from:to:maxSpan:pageSize:)``, newest first.
        public func transactions(
            _ filter: TransactionFilter = .all, from: Date? = nil, to: Date? = nil, maxSpan: Duration? = nil,
            pageSize: Int = 20
        ) async throws(IGError) -> [Transaction] {
            try await Self.gather(
                transactionPages(filter, from: from, to: to, maxSpan: maxSpan, pageSize: pageSize))
        }

        /// `GET /history/transactions/{type}/{lastPeriod}` (v1): the transactions of the last `period`.
        public func transactionsV1(
            _ filter: TransactionFilter = .all, last period: Duration
        ) async throws(IGError)
            -> [Transaction]
        {
            let operation = "GET /history/transactions/{type}/{lastPeriod}"
            let milliseconds = try Self.milliseconds(period, operation: operation)
            return try await client.decoded(
                TransactionsResponseV1.self,
                IGRequest(.get, "/history/transactions/\(filter.rawValue)/\(milliseconds)", operation: operation)
            ).transactions
        }

        /// `GET /history/transactions/{type}/{fromDate}/{toDate}` (v1): whole days, `dd-MM-yyyy` (UTC days).
        public func transactionsV1(
            _ filter: TransactionFilter = .all, from: Date, to: Date
        ) async throws(IGError)
            -> [Transaction]
        {
            let operation = "GET /history/transactions/{type}/{fromDate}/{toDate}"
            try Self.checkOrder(from, to, operation: operation)
            return try await client.decoded(
                TransactionsResponseV1.self,
                IGRequest(
                    .get, "/history/transactions/\(filter.rawValue)/\(Self.day(from))/\(Self.day(to))",
                    operation: operation)
            ).transactions
        }

        // MARK: Helpers

        private func numbered<Item>(
            _ path: String, query: [URLQueryItem], from: Date?, to: Date?, maxSpan: Duration?, pageSize: Int,
            operation: String
        ) -> NumberedHistoryPages<Item> {
            var query = query
            if let from { query.append(URLQueryItem(name: "from", value: IGDateFormat.iso.string(from: from))) }
            if let to { query.append(URLQueryItem(name: "to", value: IGDateFormat.iso.string(from: to))) }
            if let maxSpan {
                query.append(URLQueryItem(name: "maxSpanSeconds", value: String(maxSpan.components.seconds)))
            }
            query.append(URLQueryItem(name: "pageSize", value: String(pageSize)))
            var problem: String?
            if pageSize < 0 { problem = "pageSize must be 0 (no paging) or more (got \(pageSize))" }
            if let from, let to, from > to { problem = "from (\(from)) is after to (\(to))" }
            return NumberedHistoryPages(
                client: client, path: path, version: 2, query: query, operation: operation, problem: problem)
        }

        static func gather<Pages: AsyncSequence, Item>(_ pages: Pages) async throws(IGError) -> [Item]
        where Pages.Element == HistoryPage<Item>, Pages.Failure == IGError {
            var items: [Item] = []
            var iterator = pages.makeAsyncIterator()
            while let page = try await iterator.next(isolation: nil) { items += page.items }
            return items
        }

        static func milliseconds(_ period: Duration, operation: String) throws(IGError) -> Int64 {
            let (seconds, attoseconds) = period.components
            guard seconds >= 0, attoseconds >= 0 else {
                throw IGError(
                    code: .invalidArgument, operation: operation, detail: "the period must not be negative")
            }
            return seconds * 1000 + attoseconds / 1_000_000_000_000_000
        }

        static func checkOrder(_ from: Date, _ to: Date, operation: String) throws(IGError) {
            guard from <= to else {
                throw IGError(
                    code: .invalidArgument, operation: operation, detail: "from (\(from)) is after to (\(to))")
            }
        }

        /// `dd-MM-yyyy` of the UTC day of `date`.
        static func day(_ date: Date) -> String {
            let iso = IGDateFormat.iso.string(from: date)  // yyyy-MM-ddTHH:mm:ss
            let parts = iso.prefix(10).split(separator: "-")
            return "\(parts[2])-\(parts[1])-\(parts[0])"
        }
    }
}
