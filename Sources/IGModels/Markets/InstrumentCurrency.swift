public import Foundation

/// A currency an instrument can be dealt in.
public struct InstrumentCurrency: Codable, Sendable, Hashable {
    public var code: String
    public var symbol: String?
    public var baseExchangeRate: Decimal?
    public var exchangeRate: Decimal?
    public var isDefault: Bool?
    /// v1 only: the currency's name, e.g. `Pounds Sterling`.
    public var name: String?
}
