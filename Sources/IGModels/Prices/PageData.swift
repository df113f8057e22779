import Foundation

/// Page position in a paged IG response.
public struct PageData: Codable, Sendable, Hashable {
    public var pageSize: Int
    public var pageNumber: Int
    public var totalPages: Int
}
