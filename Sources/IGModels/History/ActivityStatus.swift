/// The outcome of an activity (v3 `status`).
public struct ActivityStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// IG accepted it (`ACCEPTED`).
    public static let accepted: Self = "ACCEPTED"
    /// IG rejected it (`REJECTED`).
    public static let rejected: Self = "REJECTED"
    /// The outcome is not known (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
}
