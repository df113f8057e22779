/// The slice of a listing one page covers, computed without overflow whatever page size and number a client sends
/// (`pageSize=9223372036854775807` is a valid `Int` but `pageNumber × pageSize` is not).
struct PageWindow: Sendable, Hashable {
    /// Indices of the items on the page (empty past the last page).
    let range: Range<Int>
    /// Number of pages (0 for an empty listing; 1 when `pageSize` is 0, meaning "everything").
    let totalPages: Int

    /// The page `pageNumber` (1-based; values below 1 count as 1) of `pageSize` items (0: all on one page) over
    /// `total` items. Negative sizes count as 0.
    init(total: Int, pageSize: Int, pageNumber: Int) {
        let total = Swift.max(0, total)
        let pageSize = Swift.max(0, pageSize)
        let pageNumber = Swift.max(1, pageNumber)
        guard pageSize > 0 else {
            self.range = 0..<total
            self.totalPages = total > 0 ? 1 : 0
            return
        }
        self.totalPages = total == 0 ? 0 : (total - 1) / pageSize + 1
        let (start, overflow) = (pageNumber - 1).multipliedReportingOverflow(by: pageSize)
        guard !overflow, start < total else {
            self.range = total..<total
            return
        }
        self.range = start..<(start + Swift.min(pageSize, total - start))
    }
}
