public import IGModels

extension MarketDataStore {
    /// Bars read per page by ``forEachPage(of:in:pageSize:_:)`` unless told otherwise.
    public static let defaultPageSize = 10_000

    /// Reads the bars of `key` in `range` a page at a time, oldest first, and hands each page to `body`.
    ///
    /// Memory stays bounded by one page however long the series: this is how `ig history show` and `ig history
    /// export` print a year of minute bars. Each page is a `PriceTable` with the series' epic, resolution and
    /// instrument type; `body` is called at least once, with an empty table when nothing is stored in `range`.
    ///
    /// ```swift
    /// let count = try await store.forEachPage(of: key, in: range) { page in
    ///     print(page.rows.count)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - key: The series.
    ///   - range: The bar starts asked for, in whole seconds since 1970 UTC (``storableTimes`` for the whole series).
    ///   - pageSize: Bars per page, at least 1.
    ///   - body: Called with each page in turn; an error it throws ends the reading and is rethrown.
    /// - Returns: How many bars were read.
    @discardableResult
    public func forEachPage(
        of key: SeriesKey, in range: TimeRange, pageSize: Int = defaultPageSize,
        _ body: (PriceTable) async throws -> Void
    ) async throws -> Int {
        let pageSize = max(1, pageSize)
        var range = range
        var count = 0
        while true {
            let page = try await table(key, in: range, limit: pageSize)
            try await body(page)
            count += page.rows.count
            // Bars start on whole seconds: the next page starts one second after this one's last bar.
            guard page.rows.count == pageSize, let last = page.rows.last else { return count }
            range = TimeRange(start: TimeRange.seconds(last.time) + 1, end: range.end)
        }
    }
}
