import Foundation

/// The answer to `POST /indicativecostsandcharges/edit`: closing costs should the new limit or stop be hit.
public struct IndicativeEditCosts: Codable, Sendable, Hashable {
    public var currencyCodeISO: String?
    public var limit: IndicativeClosingCosts?
    public var stop: IndicativeClosingCosts?
}
