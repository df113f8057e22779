/// How a position order is filled.
public struct DealOrderType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// At the current price.
    public static let market: Self = "MARKET"
    /// At `level` or better.
    public static let limit: Self = "LIMIT"
    /// At a quoted price (by agreement with IG).
    public static let quote: Self = "QUOTE"
}
