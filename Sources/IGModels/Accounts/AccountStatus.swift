/// The state of an IG account.
public struct AccountStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let enabled: Self = "ENABLED"
    public static let disabled: Self = "DISABLED"
    public static let suspendedFromDealing: Self = "SUSPENDED_FROM_DEALING"
}
