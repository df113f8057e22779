import Foundation

/// The body of `GET /categories/{categoryId}/instruments`: one page of instruments.
public struct CategoryInstrumentsPage: Codable, Sendable, Hashable {
    public var instruments: [CategoryInstrument]
    public var metadata: CategoryPageMetadata?
}
