public import Foundation

/// The costs of closing (part of) a position: the `close`, `limit` and `stop` blocks of close and edit quotes.
public struct IndicativeClosingCosts: Codable, Sendable, Hashable {
    /// The quote's reference.
    public var indicativeQuoteReference: String?
    /// The notional value in the instrument's currency.
    public var notionalValue: Decimal?
    /// The notional value in the account's currency.
    public var notionalValueInUserCurrency: Decimal?
    /// The spread cost of closing.
    public var closingSpread: Decimal?
    /// The commission on closing.
    public var closingCommission: Decimal?
    /// The currency conversion fee on closing.
    public var closingFxFee: Decimal?
    /// The financial transaction tax on closing.
    public var closingIFTT: Decimal?
    /// The exit cost of an exchange-traded product.
    public var etpExitCost: Decimal?
    /// The guaranteed-stop premium returned.
    public var guaranteedStopReturn: Decimal?
    /// The knock-out premium returned.
    public var knockoutPremiumReturn: Decimal?
}
