import Foundation

/// Page position in a paged IG response.
public struct PageData: Codable, Sendable, Hashable {
    /// Items per page.
    public var pageSize: Int
    /// This page's number, from 1.
    public var pageNumber: Int
    /// The number of pages.
    public var totalPages: Int
}
