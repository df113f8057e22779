import Foundation

/// The body of `GET /categories`.
public struct InstrumentCategories: Codable, Sendable, Hashable {
    /// The categories.
    public var categories: [InstrumentCategory]
}
