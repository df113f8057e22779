public import Foundation

/// A currency an instrument can be dealt in.
public struct InstrumentCurrency: Codable, Sendable, Hashable {
    /// The ISO code, e.g. `GBP`.
    public var code: String
    /// The symbol, e.g. `£`.
    public var symbol: String?
    /// The base exchange rate.
    public var baseExchangeRate: Decimal?
    /// The exchange rate to the account's currency.
    public var exchangeRate: Decimal?
    /// Whether this is the instrument's default currency.
    public var isDefault: Bool?
    /// v1 only: the currency's name, e.g. `Pounds Sterling`.
    public var name: String?
}
