import Foundation

/// The body of `GET /categories/{categoryId}/instruments`: one page of instruments.
public struct CategoryInstrumentsPage: Codable, Sendable, Hashable {
    /// The instruments of this page.
    public var instruments: [CategoryInstrument]
    /// Where this page is.
    public var metadata: CategoryPageMetadata?
}
