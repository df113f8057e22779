public import Foundation

/// The costs of closing (part of) a position: the `close`, `limit` and `stop` blocks of close and edit quotes.
public struct IndicativeClosingCosts: Codable, Sendable, Hashable {
    public var indicativeQuoteReference: String?
    public var notionalValue: Decimal?
    public var notionalValueInUserCurrency: Decimal?
    public var closingSpread: Decimal?
    public var closingCommission: Decimal?
    public var closingFxFee: Decimal?
    public var closingIFTT: Decimal?
    public var etpExitCost: Decimal?
    public var guaranteedStopReturn: Decimal?
    public var knockoutPremiumReturn: Decimal?
}
