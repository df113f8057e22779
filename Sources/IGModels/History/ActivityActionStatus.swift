/// The outcome of a v1/v2 activity (`actionStatus`).
public struct ActivityActionStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accept: Self = "ACCEPT"
    public static let reject: Self = "REJECT"
    public static let manual: Self = "MANUAL"
    public static let notSet: Self = "NOT_SET"
}
