/// IG's client identifier, returned at login.
public struct ClientId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
