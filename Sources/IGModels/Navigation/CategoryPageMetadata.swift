import Foundation

/// Page position of a categories page (`metadata`).
public struct CategoryPageMetadata: Codable, Sendable, Hashable {
    public var pageNumber: Int?
    public var pageSize: Int?
}
