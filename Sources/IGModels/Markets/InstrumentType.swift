/// The asset class of an instrument (`CURRENCIES`, `INDICES`, `SHARES`…).
public struct InstrumentType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Currencies (`CURRENCIES`).
    public static let currencies: Self = "CURRENCIES"
    /// Indices (`INDICES`).
    public static let indices: Self = "INDICES"
    /// Commodities (`COMMODITIES`).
    public static let commodities: Self = "COMMODITIES"
    /// Shares (`SHARES`).
    public static let shares: Self = "SHARES"
    /// Rates (`RATES`).
    public static let rates: Self = "RATES"
    /// Binary (`BINARY`).
    public static let binary: Self = "BINARY"
    /// Sprint market (`SPRINT_MARKET`).
    public static let sprintMarket: Self = "SPRINT_MARKET"
    /// Unknown (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
}
