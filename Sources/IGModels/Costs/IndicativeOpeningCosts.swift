public import Foundation

/// Ex-ante costs of opening a position (`POST /indicativecostsandcharges/open`), in `currencyCodeISO`.
public struct IndicativeOpeningCosts: Codable, Sendable, Hashable {
    public var indicativeQuoteReference: String?
    public var currencyCodeISO: String?
    public var notionalValue: Decimal?
    public var notionalValueInUserCurrency: Decimal?
    public var openingSpread: Decimal?
    public var openingCommission: Decimal?
    public var openingFxFee: Decimal?
    public var openingIFTT: Decimal?
    public var closingSpread: Decimal?
    public var closingCommission: Decimal?
    public var closingFxFee: Decimal?
    public var closingIFTT: Decimal?
    public var overnightFundingFee: Decimal?
    public var dailyRunningFxFee: Decimal?
    public var borrowingCharge: Decimal?
    public var guaranteedStopDeposit: Decimal?
    public var guaranteedStopReturn: Decimal?
    public var knockoutPremiumDeposit: Decimal?
    public var knockoutPremiumReturn: Decimal?
    public var etpEntryCost: Decimal?
    public var etpExitCost: Decimal?
    public var etpOngoingCost: Decimal?
    public var inducements: Decimal?
}
