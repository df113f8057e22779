public import Foundation

/// The static description of an instrument (`instrument` in `GET /markets/{epic}`).
public struct Instrument: Codable, Sendable, Hashable {
    public var epic: Epic
    public var expiry: String?
    public var name: String?
    public var forceOpenAllowed: Bool?
    public var stopsLimitsAllowed: Bool?
    public var lotSize: Decimal?
    public var unit: String?
    public var type: InstrumentType?
    public var controlledRiskAllowed: Bool?
    public var streamingPricesAvailable: Bool?
    public var marketId: String?
    public var currencies: [InstrumentCurrency]?
    public var marginFactor: Decimal?
    public var marginFactorUnit: RuleUnit?
    /// v1 only: the default margin (v2+ has ``marginFactor`` and ``marginFactorUnit``).
    public var margin: Decimal?
    public var marginDepositBands: [MarginDepositBand]?
    public var slippageFactor: SlippageFactor?
    /// v3+: the guaranteed-stop premium.
    public var limitedRiskPremium: RuleValue?
    /// Sprint markets: the shortest expiry, in seconds (`null` elsewhere).
    public var sprintMarketsMinimumExpiryTime: Decimal?
    /// Sprint markets: the longest expiry, in seconds (`null` elsewhere).
    public var sprintMarketsMaximumExpiryTime: Decimal?
    public var openingHours: OpeningHours?
    public var expiryDetails: ExpiryDetails?
    public var rolloverDetails: RolloverDetails?
    /// v4: whether a limit may be attached.
    public var limitAllowed: Bool?
    /// v4: whether a stop may be attached.
    public var stopAllowed: Bool?
    public var newsCode: String?
    public var chartCode: String?
    public var country: String?
    public var valueOfOnePip: String?
    public var onePipMeans: String?
    public var contractSize: String?
    public var specialInfo: [String]?
}
