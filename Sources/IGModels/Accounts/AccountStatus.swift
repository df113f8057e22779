/// The state of an IG account.
public struct AccountStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The account is enabled (`ENABLED`).
    public static let enabled: Self = "ENABLED"
    /// The account is disabled (`DISABLED`).
    public static let disabled: Self = "DISABLED"
    /// The account is suspended from dealing (`SUSPENDED_FROM_DEALING`).
    public static let suspendedFromDealing: Self = "SUSPENDED_FROM_DEALING"
}
