import Foundation

/// The answer to `POST /indicativecostsandcharges/close`.
public struct IndicativeCloseCosts: Codable, Sendable, Hashable {
    /// The costs of closing.
    public var close: IndicativeClosingCosts?
    /// The currency of the amounts.
    public var currencyCodeISO: String?
}
