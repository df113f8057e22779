/// The reference of a dealing request, chosen by the client (`[A-Za-z0-9_-]{1,30}`) or by IG.
public struct DealReference: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
