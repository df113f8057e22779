import Foundation

/// The answer to `POST /indicativecostsandcharges/close`.
public struct IndicativeCloseCosts: Codable, Sendable, Hashable {
    public var close: IndicativeClosingCosts?
    public var currencyCodeISO: String?
}
