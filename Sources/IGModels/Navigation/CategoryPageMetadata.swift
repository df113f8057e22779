import Foundation

/// Page position of a categories page (`metadata`).
public struct CategoryPageMetadata: Codable, Sendable, Hashable {
    /// This page's number, from 0.
    public var pageNumber: Int?
    /// Instruments per page.
    public var pageSize: Int?
}
