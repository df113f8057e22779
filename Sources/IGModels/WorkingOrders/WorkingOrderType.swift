/// A working order's type.
public struct WorkingOrderType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buy below / sell above the market.
    public static let limit: Self = "LIMIT"
    /// Buy above / sell below the market.
    public static let stop: Self = "STOP"
}
