/// IG's client identifier, returned at login.
public struct ClientId: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
