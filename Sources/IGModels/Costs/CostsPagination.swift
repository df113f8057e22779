import Foundation

/// The pagination of a costs history page.
public struct CostsPagination: Codable, Sendable, Hashable {
    /// This page's number.
    public var pageNumber: Int?
    /// Entries per page.
    public var pageSize: Int?
    /// Entries in all pages.
    public var totalElements: Int?
    /// The number of pages.
    public var totalPages: Int?
}
