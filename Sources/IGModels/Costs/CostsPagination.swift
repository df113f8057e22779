import Foundation

/// The pagination of a costs history page.
public struct CostsPagination: Codable, Sendable, Hashable {
    public var pageNumber: Int?
    public var pageSize: Int?
    public var totalElements: Int?
    public var totalPages: Int?
}
