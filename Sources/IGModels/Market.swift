public import Foundation

/// A dealing rule: a distance or size with its unit.
public struct RuleValue: Codable, Sendable, Hashable {
    /// `POINTS` or `PERCENTAGE`.
    public var unit: RuleUnit?
    /// The rule's value.
    public var value: Decimal?
}

/// A currency an instrument can be dealt in.
public struct InstrumentCurrency: Codable, Sendable, Hashable {
    /// The ISO code, e.g. `GBP`.
    public var code: String
    /// The symbol, e.g. `£`.
    public var symbol: String?
    /// The base exchange rate.
    public var baseExchangeRate: Decimal?
    /// The exchange rate to the account's currency.
    public var exchangeRate: Decimal?
    /// Whether this is the instrument's default currency.
    public var isDefault: Bool?
    /// v1 only: the currency's name, e.g. `Pounds Sterling`.
    public var name: String?
}

/// One margin band: the margin (percent) applied to a position size between ``min`` and ``max``.
public struct MarginDepositBand: Codable, Sendable, Hashable {
    /// The smallest size the band applies to.
    public var min: Decimal?
    /// `nil` on the last band.
    public var max: Decimal?
    /// The margin percentage in this band.
    public var margin: Decimal?
    /// v2+ only.
    public var currency: String?
}

/// Slippage of a market (`unit` observed as `pct`).
public struct SlippageFactor: Codable, Sendable, Hashable {
    /// The unit of `value`.
    public var unit: String?
    /// The slippage factor.
    public var value: Decimal?
}

/// The last dealing date of a dated instrument.
public struct ExpiryDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastDealingDate: String?
    /// How the instrument settles.
    public var settlementInfo: String?
}

/// The rollover of a dated instrument.
public struct RolloverDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastRolloverTime: String?
    /// How positions roll over.
    public var rolloverInfo: String?
}

/// A market's trading session in the account's time zone (`HH:mm`).
public struct MarketTime: Codable, Sendable, Hashable {
    /// Opening time, as IG writes it.
    public var openTime: String
    /// Closing time, as IG writes it.
    public var closeTime: String
}

/// The opening hours of an instrument (`null` for markets that always trade).
public struct OpeningHours: Codable, Sendable, Hashable {
    /// The opening periods.
    public var marketTimes: [MarketTime]
}

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

/// The dealing rules of an instrument.
public struct DealingRules: Codable, Sendable, Hashable {
    /// The smallest distance between levels.
    public var minStepDistance: RuleValue?
    /// The smallest deal size.
    public var minDealSize: RuleValue?
    /// The smallest guaranteed-stop distance.
    public var minControlledRiskStopDistance: RuleValue?
    /// The smallest stop or limit distance.
    public var minNormalStopOrLimitDistance: RuleValue?
    /// The largest stop or limit distance.
    public var maxStopOrLimitDistance: RuleValue?
    /// The guaranteed-stop spacing.
    public var controlledRiskSpacing: RuleValue?
    /// Whether market orders are available.
    public var marketOrderPreference: MarketOrderPreference?
    /// Whether trailing stops are available.
    public var trailingStopsPreference: String?
}

/// The current prices and state of a market.
public struct MarketSnapshot: Codable, Sendable, Hashable {
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// Today's change in price.
    public var netChange: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    /// How many minutes the prices are delayed.
    public var delayTime: Int?
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var offer: Decimal?
    /// Today's high.
    public var high: Decimal?
    /// Today's low.
    public var low: Decimal?
    /// The odds, for binaries.
    public var binaryOdds: Decimal?
    /// The number of decimal places of prices.
    public var decimalPlacesFactor: Int?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
    /// The extra spread of a guaranteed stop.
    public var controlledRiskExtraSpread: Decimal?
    /// v4: the time of the quote, in seconds since 1970 (UTC).
    public var updateTimestampUTC: Int64?

    /// v4: when the quote was made.
    public var updatedAt: Date? { updateTimestampUTC.map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    /// The offer minus the bid, when both are known.
    public var spread: Decimal? {
        guard let bid, let offer else { return nil }
        return offer - bid
    }
}

/// Everything IG knows about one market: `GET /markets/{epic}`.
public struct MarketDetails: Codable, Sendable, Hashable {
    /// The instrument.
    public var instrument: Instrument
    /// `null` with the v2 `SNAPSHOT_ONLY` filter.
    public var dealingRules: DealingRules?
    /// Current prices and status.
    public var snapshot: MarketSnapshot
}

/// The body of `GET /markets?epics=…`.
public struct MarketDetailsList: Codable, Sendable, Hashable {
    /// The markets.
    public var marketDetails: [MarketDetails]
}

/// A market as listed by search, navigation, watchlists and positions.
public struct MarketSummary: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The instrument's name.
    public var instrumentName: String?
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The lot size.
    public var lotSize: Decimal?
    /// Today's high.
    public var high: Decimal?
    /// Today's low.
    public var low: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Today's change in price.
    public var netChange: Decimal?
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var offer: Decimal?
    /// When the price last changed, as IG writes it (local time).
    public var updateTime: String?
    /// When the price last changed, UTC, as IG writes it.
    public var updateTimeUTC: String?
    /// How many minutes the prices are delayed.
    public var delayTime: Int?
    /// Whether prices stream.
    public var streamingPricesAvailable: Bool?
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
}

/// The body of `GET /markets?searchTerm=…`.
public struct MarketSearchResponse: Codable, Sendable, Hashable {
    /// The markets found.
    public var markets: [MarketSummary]
}
