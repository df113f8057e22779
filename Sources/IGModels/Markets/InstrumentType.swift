/// The asset class of an instrument (`CURRENCIES`, `INDICES`, `SHARES`…).
public struct InstrumentType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let currencies: Self = "CURRENCIES"
    public static let indices: Self = "INDICES"
    public static let commodities: Self = "COMMODITIES"
    public static let shares: Self = "SHARES"
    public static let rates: Self = "RATES"
    public static let binary: Self = "BINARY"
    public static let sprintMarket: Self = "SPRINT_MARKET"
    public static let unknown: Self = "UNKNOWN"
}
