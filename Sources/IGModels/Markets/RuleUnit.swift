/// The unit of a dealing rule distance or a margin factor.
public struct RuleUnit: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A distance in points.
    public static let points: Self = "POINTS"
    /// A distance in percent of the level.
    public static let percentage: Self = "PERCENTAGE"
}
