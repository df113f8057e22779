/// A market the simulator offers, with the static facts IG publishes for it.
public struct Instrument: Sendable, Hashable {
    /// The product family an epic belongs to, deciding which account may deal it.
    public enum Product: String, Sendable, Hashable {
        /// A spread bet (expiry `DFB` or a dated future); dealt on SPREADBET accounts.
        case spreadBet = "SPREADBET"
        /// A CFD (expiry `-`); dealt on CFD accounts.
        case cfd = "CFD"
    }

    /// A currency an instrument can be dealt in.
    public struct Currency: Sendable, Hashable {
        /// ISO code, e.g. `GBP`.
        public var code: String
        /// Display symbol, e.g. `£`.
        public var symbol: String
        /// Whether this is the instrument's default currency.
        public var isDefault: Bool
        /// Rate against the account currency.
        public var exchangeRate: Double

        /// Creates a currency entry.
        public init(code: String, symbol: String, isDefault: Bool, exchangeRate: Double = 1) {
            self.code = code
            self.symbol = symbol
            self.isDefault = isDefault
            self.exchangeRate = exchangeRate
        }
    }

    /// One dealing rule value, e.g. a minimum stop distance of 2 POINTS.
    public struct RuleValue: Sendable, Hashable {
        /// `POINTS` or `PERCENTAGE`.
        public var unit: String
        /// The value in that unit.
        public var value: Double

        /// Creates a rule value.
        public init(_ value: Double, _ unit: String = "POINTS") {
            self.unit = unit
            self.value = value
        }
    }

    /// IG's dealing rules block.
    public struct DealingRules: Sendable, Hashable {
        /// Minimum step distance.
        public var minStepDistance: RuleValue
        /// Minimum deal size.
        public var minDealSize: RuleValue
        /// Minimum guaranteed-stop distance.
        public var minControlledRiskStopDistance: RuleValue
        /// Minimum normal stop or limit distance.
        public var minNormalStopOrLimitDistance: RuleValue
        /// Maximum stop or limit distance.
        public var maxStopOrLimitDistance: RuleValue
        /// Guaranteed-stop spacing.
        public var controlledRiskSpacing: RuleValue
        /// `AVAILABLE_DEFAULT_ON`, `AVAILABLE_DEFAULT_OFF` or `NOT_AVAILABLE`.
        public var marketOrderPreference: String
        /// `AVAILABLE` or `NOT_AVAILABLE`.
        public var trailingStopsPreference: String
    }

    /// Expiry and rollover facts of a dated future.
    public struct ExpiryDetails: Sendable, Hashable {
        /// Last dealing date, `yyyy-MM-dd'T'HH:mm` (UTC).
        public var lastDealingDate: String
        /// Settlement text.
        public var settlementInfo: String
        /// Last rollover time, `yyyy-MM-dd'T'HH:mm`.
        public var lastRolloverTime: String
        /// Rollover text.
        public var rolloverInfo: String
    }

    /// The epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: String
    /// The instrument name, e.g. `EUR/USD`.
    public var name: String
    /// IG instrument type (`CURRENCIES`, `INDICES`, `COMMODITIES`, `SHARES`, `RATES`).
    public var instrumentType: String
    /// Expiry: `DFB`, `-` or a dated expiry such as `DEC-25`.
    public var expiry: String
    /// Spread bet or CFD.
    public var product: Product
    /// Market group id used by client sentiment, e.g. `EURUSD`, `FT100`.
    public var marketId: String
    /// Dealing currencies; exactly one is the default.
    public var currencies: [Currency]
    /// Lot size.
    public var lotSize: Double
    /// `AMOUNT`, `CONTRACTS` or `SHARES`.
    public var unit: String
    /// Contract size text, or nil.
    public var contractSize: String?
    /// Value of one pip text, or nil.
    public var valueOfOnePip: String?
    /// What one pip means, or nil.
    public var onePipMeans: String?
    /// Margin requirement in percent.
    public var marginFactor: Double
    /// Dealing rules.
    public var dealingRules: DealingRules
    /// Guaranteed-stop premium in points.
    public var limitedRiskPremium: Double
    /// Extra spread for guaranteed stops.
    public var controlledRiskExtraSpread: Double
    /// IG's scaling factor of the quoted price.
    public var scalingFactor: Int
    /// How the price engine moves this market.
    public var priceProfile: PriceProfile
    /// Navigation node ids from the top-level node down to the leaf holding this market.
    public var navigationPath: [String]
    /// Opening hours (`HH:mm` UK time) or nil for around-the-clock markets.
    public var openingHours: [(open: String, close: String)]?
    /// Expiry details of dated futures, nil otherwise.
    public var expiryDetails: ExpiryDetails?
    /// News code, e.g. `EUR=`.
    public var newsCode: String?
    /// Chart code, or nil.
    public var chartCode: String?
    /// Country code, or nil.
    public var country: String?
    /// Special information lines.
    public var specialInfo: [String]
    /// False for shares: IG's API has no share price history.
    public var hasPriceHistory: Bool
    /// One point (the unit of stop and limit distances, spreads and spread-bet stakes) is `10^-pointDecimals` in
    /// price units: 0 for markets quoted in points (spread-bet FX, indices, markets quoted in pence or cents), 4
    /// for a CFD FX pair quoted raw (one point is 0.0001), 2 for a raw JPY pair. See `Instrument+Quoting.swift`.
    public var pointDecimals: Int = 0
    /// Value of one price unit in the instrument's currency, per contract unit: 1 for most markets, 0.01 for
    /// markets quoted in pence or cents (a CFD on a share quoted in pence moves £0.01 per share per unit).
    public var currencyPerPriceUnit: Double = 1
    /// Which contract a dated epic names as the clock moves (nil for undated markets); see `ContractCycle`.
    var contractCycle: ContractCycle?

    /// The default dealing currency.
    public var defaultCurrency: Currency {
        self.currencies.first { $0.isDefault } ?? self.currencies[0]
    }

    /// Instruments are identified by their epic.
    public static func == (lhs: Instrument, rhs: Instrument) -> Bool { lhs.epic == rhs.epic }
    /// Hashes the epic.
    public func hash(into hasher: inout Hasher) { hasher.combine(self.epic) }
}
