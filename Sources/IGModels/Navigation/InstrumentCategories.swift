import Foundation

/// The body of `GET /categories`.
public struct InstrumentCategories: Codable, Sendable, Hashable {
    public var categories: [InstrumentCategory]
}
