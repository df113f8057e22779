public import Foundation

/// A dealing rule: a distance or size with its unit.
public struct RuleValue: Codable, Sendable, Hashable {
    public var unit: RuleUnit?
    public var value: Decimal?
}
