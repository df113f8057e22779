/// The outcome of a v1/v2 activity (`actionStatus`).
public struct ActivityActionStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accept (`ACCEPT`).
    public static let accept: Self = "ACCEPT"
    /// Reject (`REJECT`).
    public static let reject: Self = "REJECT"
    /// Manual (`MANUAL`).
    public static let manual: Self = "MANUAL"
    /// Not set (`NOT_SET`).
    public static let notSet: Self = "NOT_SET"
}
