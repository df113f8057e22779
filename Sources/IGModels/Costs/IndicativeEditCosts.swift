import Foundation

/// The answer to `POST /indicativecostsandcharges/edit`: closing costs should the new limit or stop be hit.
public struct IndicativeEditCosts: Codable, Sendable, Hashable {
    /// The currency of the amounts.
    public var currencyCodeISO: String?
    /// The cost of changing the limit.
    public var limit: IndicativeClosingCosts?
    /// The cost of changing the stop.
    public var stop: IndicativeClosingCosts?
}
