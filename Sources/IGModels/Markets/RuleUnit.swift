/// The unit of a dealing rule distance or a margin factor.
public struct RuleUnit: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let points: Self = "POINTS"
    public static let percentage: Self = "PERCENTAGE"
}
