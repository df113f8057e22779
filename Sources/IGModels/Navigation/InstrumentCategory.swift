import Foundation

/// An instrument category of `GET /categories` (new IG docs).
public struct InstrumentCategory: Codable, Sendable, Hashable {
    /// The category code, e.g. `FX`.
    public var code: String
    /// Whether instruments of the category cannot be dealt.
    public var nonTradeable: Bool?
}
