import Foundation
public import IGModels

/// The pages of a page-numbered history listing (activity v2, transactions v2), fetched lazily.
///
/// Page 1, 2… are requested as the caller iterates, until IG says the last page was served (`pageNumber ==
/// totalPages`, `totalPages == 0`, no page data, or an empty page).
public struct NumberedHistoryPages<Item: HistoryPageItem>: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = HistoryPage<Item>
    /// The error the sequence throws.
    public typealias Failure = IGError

    let client: IGClient
    let path: String
    let version: Int
    let query: [URLQueryItem]
    let operation: String
    /// A reason to refuse before sending anything (bad arguments).
    let problem: String?

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> Iterator { Iterator(pages: self) }

    /// The iterator of ``NumberedHistoryPages``.
    public struct Iterator: AsyncIteratorProtocol {
        let pages: NumberedHistoryPages
        var nextPageNumber: Int? = 1

        init(pages: NumberedHistoryPages) { self.pages = pages }

        /// The next element, or `nil` at the end.
        public mutating func next() async throws(IGError) -> HistoryPage<Item>? {
            guard let pageNumber = nextPageNumber else { return nil }
            nextPageNumber = nil
            if let problem = pages.problem {
                throw IGError(code: .invalidArgument, operation: pages.operation, detail: problem)
            }
            let request = IGRequest(
                .get, pages.path, version: pages.version,
                query: pages.query + [URLQueryItem(name: "pageNumber", value: String(pageNumber))],
                operation: pages.operation)
            let body = try await pages.client.decoded(NumberedHistoryBody<Item>.self, request)
            let pageData = body.metadata?.pageData
            if let pageData, pageData.totalPages > pageData.pageNumber, !body.items.isEmpty {
                nextPageNumber = pageData.pageNumber + 1
            }
            return HistoryPage(items: body.items, pageData: pageData, totalSize: body.metadata?.size)
        }
    }
}
