/// An IG market identifier such as `CS.D.EURUSD.TODAY.IP`.
public struct Epic: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
