public import Foundation

/// A dealing rule: a distance or size with its unit.
public struct RuleValue: Codable, Sendable, Hashable {
    /// `POINTS` or `PERCENTAGE`.
    public var unit: RuleUnit?
    /// The rule's value.
    public var value: Decimal?
}
