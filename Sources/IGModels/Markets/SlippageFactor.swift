public import Foundation

/// Slippage of a market (`unit` observed as `pct`).
public struct SlippageFactor: Codable, Sendable, Hashable {
    /// The unit of `value`.
    public var unit: String?
    /// The slippage factor.
    public var value: Decimal?
}
