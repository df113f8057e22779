/// Deal direction.
public struct Direction: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buy (at the offer).
    public static let buy: Self = "BUY"
    /// Sell (at the bid).
    public static let sell: Self = "SELL"
}
