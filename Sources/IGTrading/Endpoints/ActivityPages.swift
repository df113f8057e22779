import Foundation
public import IGModels

/// The pages of a v3 activity listing, fetched lazily by following IG's `next` link.
///
/// The link is followed verbatim: its path and every query parameter (`from`, `to`, `detailed`, `pageSize`…) as
/// IG wrote them (`to` is never rewritten), so no page is skipped or repeated. Nothing is requested after the page
/// whose `next` is null.
public struct ActivityPages: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = HistoryPage<Activity>
    /// The error the sequence throws.
    public typealias Failure = IGError

    let client: IGClient
    let firstQuery: [URLQueryItem]
    /// A reason to refuse before sending anything (bad arguments).
    let problem: String?

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> Iterator { Iterator(pages: self) }

    /// The iterator of ``ActivityPages``.
    public struct Iterator: AsyncIteratorProtocol {
        static let operation = "GET /history/activity (v3)"
        let pages: ActivityPages
        /// The next request's path and query; `nil` when done.
        var nextRequest: (path: String, query: [URLQueryItem])?
        var followedLinks: Set<String> = []

        init(pages: ActivityPages) {
            self.pages = pages
            self.nextRequest = ("/history/activity", pages.firstQuery)
        }

        /// The next element, or `nil` at the end.
        public mutating func next() async throws(IGError) -> HistoryPage<Activity>? {
            guard let (path, query) = nextRequest else { return nil }
            nextRequest = nil
            if let problem = pages.problem {
                throw IGError(code: .invalidArgument, operation: Self.operation, detail: problem)
            }
            let request = IGRequest(.get, path, version: 3, query: query, operation: Self.operation)
            let body = try await pages.client.decoded(ActivityResponseV3.self, request)
            let next = body.metadata?.paging?.next.flatMap { $0.isEmpty ? nil : $0 }
            if let next {
                guard followedLinks.insert(next).inserted else {
                    throw IGError(
                        code: .decoding, operation: Self.operation,
                        detail: "IG sent the same next link twice (\(next)); stopping instead of looping")
                }
                nextRequest = try Self.parse(next)
            }
            return HistoryPage(items: body.activities, next: next)
        }

        /// Splits a relative `next` link into path and query items, refusing links to another host.
        static func parse(_ link: String) throws(IGError) -> (String, [URLQueryItem]) {
            guard let components = URLComponents(string: link), components.host == nil, components.scheme == nil,
                components.path.hasPrefix("/")
            else {
                throw IGError(
                    code: .decoding, operation: operation, detail: "unusable next link '\(link)' (not a relative path)")
            }
            return (components.path, components.queryItems ?? [])
        }
    }
}
