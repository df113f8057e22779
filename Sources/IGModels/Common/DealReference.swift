/// The reference of a dealing request, chosen by the client (`[A-Za-z0-9_-]{1,30}`) or by IG.
public struct DealReference: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
