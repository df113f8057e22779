/// An IG account identifier such as `ABC123`.
public struct AccountId: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
