/// The outcome of an activity (v3 `status`).
public struct ActivityStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accepted: Self = "ACCEPTED"
    public static let rejected: Self = "REJECTED"
    public static let unknown: Self = "UNKNOWN"
}
