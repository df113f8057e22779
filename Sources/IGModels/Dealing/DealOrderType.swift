/// How a position order is filled.
public struct DealOrderType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// At the current price.
    public static let market: Self = "MARKET"
    /// At `level` or better.
    public static let limit: Self = "LIMIT"
    /// At a quoted price (by agreement with IG).
    public static let quote: Self = "QUOTE"
}
