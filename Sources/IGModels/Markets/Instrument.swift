public import Foundation

/// The static description of an instrument (`instrument` in `GET /markets/{epic}`).
public struct Instrument: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The instrument's name.
    public var name: String?
    /// Whether `forceOpen` is allowed.
    public var forceOpenAllowed: Bool?
    /// Whether stops and limits are allowed.
    public var stopsLimitsAllowed: Bool?
    /// The lot size.
    public var lotSize: Decimal?
    /// What a size counts: `AMOUNT`, `CONTRACTS` or `SHARES`.
    public var unit: String?
    /// The instrument's type.
    public var type: InstrumentType?
    /// Whether guaranteed stops are allowed.
    public var controlledRiskAllowed: Bool?
    /// Whether prices stream.
    public var streamingPricesAvailable: Bool?
    /// IG's market id (used for client sentiment).
    public var marketId: String?
    /// The currencies it can be dealt in.
    public var currencies: [InstrumentCurrency]?
    /// The margin requirement.
    public var marginFactor: Decimal?
    /// The unit of `marginFactor`.
    public var marginFactorUnit: RuleUnit?
    /// v1 only: the default margin (v2+ has ``marginFactor`` and ``marginFactorUnit``).
    public var margin: Decimal?
    /// Margin bands by size.
    public var marginDepositBands: [MarginDepositBand]?
    /// The slippage factor.
    public var slippageFactor: SlippageFactor?
    /// v3+: the guaranteed-stop premium.
    public var limitedRiskPremium: RuleValue?
    /// Sprint markets: the shortest expiry, in seconds (`null` elsewhere).
    public var sprintMarketsMinimumExpiryTime: Decimal?
    /// Sprint markets: the longest expiry, in seconds (`null` elsewhere).
    public var sprintMarketsMaximumExpiryTime: Decimal?
    /// When the market is open.
    public var openingHours: OpeningHours?
    /// Expiry details, for dated instruments.
    public var expiryDetails: ExpiryDetails?
    /// Rollover details.
    public var rolloverDetails: RolloverDetails?
    /// v4: whether a limit may be attached.
    public var limitAllowed: Bool?
    /// v4: whether a stop may be attached.
    public var stopAllowed: Bool?
    /// IG's news code.
    public var newsCode: String?
    /// IG's chart code.
    public var chartCode: String?
    /// The country of the instrument.
    public var country: String?
    /// The value of one pip.
    public var valueOfOnePip: String?
    /// What one pip is.
    public var onePipMeans: String?
    /// The contract size.
    public var contractSize: String?
    /// IG's remarks on the instrument.
    public var specialInfo: [String]?
}
