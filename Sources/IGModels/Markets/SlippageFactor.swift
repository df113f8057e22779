public import Foundation

/// Slippage of a market (`unit` observed as `pct`).
public struct SlippageFactor: Codable, Sendable, Hashable {
    public var unit: String?
    public var value: Decimal?
}
