import Foundation

/// How long a sprint-market position runs.
public struct SprintExpiryPeriod: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let oneMinute: Self = "ONE_MINUTE"
    public static let twoMinutes: Self = "TWO_MINUTES"
    public static let fiveMinutes: Self = "FIVE_MINUTES"
    public static let twentyMinutes: Self = "TWENTY_MINUTES"
    public static let sixtyMinutes: Self = "SIXTY_MINUTES"

    /// Every period IG documents.
    public static let all: [Self] = [.oneMinute, .twoMinutes, .fiveMinutes, .twentyMinutes, .sixtyMinutes]
}
