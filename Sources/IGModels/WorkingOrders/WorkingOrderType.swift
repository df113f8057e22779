/// A working order's type.
public struct WorkingOrderType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buy below / sell above the market.
    public static let limit: Self = "LIMIT"
    /// Buy above / sell below the market.
    public static let stop: Self = "STOP"
}
