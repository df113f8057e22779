/// An IG market identifier such as `CS.D.EURUSD.TODAY.IP`.
public struct Epic: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
