/// Whether market orders are allowed on an instrument.
public struct MarketOrderPreference: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let availableDefaultOn: Self = "AVAILABLE_DEFAULT_ON"
    public static let availableDefaultOff: Self = "AVAILABLE_DEFAULT_OFF"
    public static let notAvailable: Self = "NOT_AVAILABLE"
}
