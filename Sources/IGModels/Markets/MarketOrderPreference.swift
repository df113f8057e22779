/// Whether market orders are allowed on an instrument.
public struct MarketOrderPreference: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Market orders are available and on by default.
    public static let availableDefaultOn: Self = "AVAILABLE_DEFAULT_ON"
    /// Market orders are available but off by default.
    public static let availableDefaultOff: Self = "AVAILABLE_DEFAULT_OFF"
    /// Market orders are not available.
    public static let notAvailable: Self = "NOT_AVAILABLE"
}
