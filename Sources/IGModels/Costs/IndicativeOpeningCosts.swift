public import Foundation

/// Ex-ante costs of opening a position (`POST /indicativecostsandcharges/open`), in `currencyCodeISO`.
public struct IndicativeOpeningCosts: Codable, Sendable, Hashable {
    /// The quote's reference, for the PDF document and the history.
    public var indicativeQuoteReference: String?
    /// The currency of the amounts.
    public var currencyCodeISO: String?
    /// The deal's notional value in the instrument's currency.
    public var notionalValue: Decimal?
    /// The deal's notional value in the account's currency.
    public var notionalValueInUserCurrency: Decimal?
    /// The spread cost of opening.
    public var openingSpread: Decimal?
    /// The commission on opening.
    public var openingCommission: Decimal?
    /// The currency conversion fee on opening.
    public var openingFxFee: Decimal?
    /// The financial transaction tax on opening.
    public var openingIFTT: Decimal?
    /// The spread cost of closing.
    public var closingSpread: Decimal?
    /// The commission on closing.
    public var closingCommission: Decimal?
    /// The currency conversion fee on closing.
    public var closingFxFee: Decimal?
    /// The financial transaction tax on closing.
    public var closingIFTT: Decimal?
    /// The overnight funding charge per night.
    public var overnightFundingFee: Decimal?
    /// The daily currency conversion fee while open.
    public var dailyRunningFxFee: Decimal?
    /// The borrowing charge for short positions.
    public var borrowingCharge: Decimal?
    /// The premium paid for a guaranteed stop.
    public var guaranteedStopDeposit: Decimal?
    /// The guaranteed-stop premium returned when unused.
    public var guaranteedStopReturn: Decimal?
    /// The knock-out premium paid.
    public var knockoutPremiumDeposit: Decimal?
    /// The knock-out premium returned.
    public var knockoutPremiumReturn: Decimal?
    /// The entry cost of an exchange-traded product.
    public var etpEntryCost: Decimal?
    /// The exit cost of an exchange-traded product.
    public var etpExitCost: Decimal?
    /// The ongoing cost of an exchange-traded product.
    public var etpOngoingCost: Decimal?
    /// Payments IG receives from third parties for the deal.
    public var inducements: Decimal?
}
