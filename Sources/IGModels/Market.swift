public import Foundation

/// A dealing rule: a distance or size with its unit.
public struct RuleValue: Codable, Sendable, Hashable {
    public var unit: RuleUnit?
    public var value: Decimal?
}

/// A currency an instrument can be dealt in.
public struct InstrumentCurrency: Codable, Sendable, Hashable {
    public var code: String
    public var symbol: String?
    public var baseExchangeRate: Decimal?
    public var exchangeRate: Decimal?
    public var isDefault: Bool?
    /// v1 only: the currency's name, e.g. `Pounds Sterling`.
    public var name: String?
}

/// One margin band: the margin (percent) applied to a position size between ``min`` and ``max``.
public struct MarginDepositBand: Codable, Sendable, Hashable {
    public var min: Decimal?
    /// `nil` on the last band.
    public var max: Decimal?
    public var margin: Decimal?
    /// v2+ only.
    public var currency: String?
}

/// Slippage of a market (`unit` observed as `pct`).
public struct SlippageFactor: Codable, Sendable, Hashable {
    public var unit: String?
    public var value: Decimal?
}

/// The last dealing date of a dated instrument.
public struct ExpiryDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastDealingDate: String?
    public var settlementInfo: String?
}

/// The rollover of a dated instrument.
public struct RolloverDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastRolloverTime: String?
    public var rolloverInfo: String?
}

/// A market's trading session in the account's time zone (`HH:mm`).
public struct MarketTime: Codable, Sendable, Hashable {
    public var openTime: String
    public var closeTime: String
}

/// The opening hours of an instrument (`null` for markets that always trade).
public struct OpeningHours: Codable, Sendable, Hashable {
    public var marketTimes: [MarketTime]
}

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

/// The dealing rules of an instrument.
public struct DealingRules: Codable, Sendable, Hashable {
    public var minStepDistance: RuleValue?
    public var minDealSize: RuleValue?
    public var minControlledRiskStopDistance: RuleValue?
    public var minNormalStopOrLimitDistance: RuleValue?
    public var maxStopOrLimitDistance: RuleValue?
    public var controlledRiskSpacing: RuleValue?
    public var marketOrderPreference: MarketOrderPreference?
    public var trailingStopsPreference: String?
}

/// The current prices and state of a market.
public struct MarketSnapshot: Codable, Sendable, Hashable {
    public var marketStatus: MarketStatus?
    public var netChange: Decimal?
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    public var delayTime: Int?
    public var bid: Decimal?
    public var offer: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var binaryOdds: Decimal?
    public var decimalPlacesFactor: Int?
    public var scalingFactor: Decimal?
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
    public var instrument: Instrument
    /// `null` with the v2 `SNAPSHOT_ONLY` filter.
    public var dealingRules: DealingRules?
    public var snapshot: MarketSnapshot
}

/// The body of `GET /markets?epics=…`.
public struct MarketDetailsList: Codable, Sendable, Hashable {
    public var marketDetails: [MarketDetails]
}

/// A market as listed by search, navigation, watchlists and positions.
public struct MarketSummary: Codable, Sendable, Hashable {
    public var epic: Epic
    public var instrumentName: String?
    public var instrumentType: InstrumentType?
    public var expiry: String?
    public var lotSize: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var percentageChange: Decimal?
    public var netChange: Decimal?
    public var bid: Decimal?
    public var offer: Decimal?
    public var updateTime: String?
    public var updateTimeUTC: String?
    public var delayTime: Int?
    public var streamingPricesAvailable: Bool?
    public var marketStatus: MarketStatus?
    public var scalingFactor: Decimal?
}

/// The body of `GET /markets?searchTerm=…`.
public struct MarketSearchResponse: Codable, Sendable, Hashable {
    public var markets: [MarketSummary]
}
