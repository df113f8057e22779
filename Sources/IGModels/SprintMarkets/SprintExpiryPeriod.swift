import Foundation

/// How long a sprint-market position runs.
public struct SprintExpiryPeriod: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The sprint ends after one minute.
    public static let oneMinute: Self = "ONE_MINUTE"
    /// The sprint ends after two minutes.
    public static let twoMinutes: Self = "TWO_MINUTES"
    /// The sprint ends after five minutes.
    public static let fiveMinutes: Self = "FIVE_MINUTES"
    /// The sprint ends after twenty minutes.
    public static let twentyMinutes: Self = "TWENTY_MINUTES"
    /// The sprint ends after sixty minutes.
    public static let sixtyMinutes: Self = "SIXTY_MINUTES"

    /// Every period IG documents.
    public static let all: [Self] = [.oneMinute, .twoMinutes, .fiveMinutes, .twentyMinutes, .sixtyMinutes]
}
