import Foundation

/// The body of `GET /history/activity` v3.
public struct ActivityResponseV3: Codable, Sendable, Hashable {
    /// `metadata.paging`.
    public struct Paging: Codable, Sendable, Hashable {
        /// The number of activities on this page.
        public var size: Int?
        /// The relative link of the next page (`/history/activity?version=3&from=…&to=…`), `nil` on the last.
        public var next: String?
    }

    /// `metadata`.
    public struct Metadata: Codable, Sendable, Hashable {
        /// The page size and the link to the next page.
        public var paging: Paging?
    }

    /// The activities of this page.
    public var activities: [Activity]
    /// Paging information.
    public var metadata: Metadata?
}
