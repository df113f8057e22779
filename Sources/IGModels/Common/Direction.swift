/// Deal direction.
public struct Direction: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let buy: Self = "BUY"
    public static let sell: Self = "SELL"
}
