/// The kind of an IG account.
public struct AccountType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A CFD account.
    public static let cfd: Self = "CFD"
    /// A share-dealing, ISA or SIPP account.
    public static let physical: Self = "PHYSICAL"
    /// A spread-betting account.
    public static let spreadBet: Self = "SPREADBET"
}

/// The state of an IG account.
public struct AccountStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The account is enabled (`ENABLED`).
    public static let enabled: Self = "ENABLED"
    /// The account is disabled (`DISABLED`).
    public static let disabled: Self = "DISABLED"
    /// The account is suspended from dealing (`SUSPENDED_FROM_DEALING`).
    public static let suspendedFromDealing: Self = "SUSPENDED_FROM_DEALING"
}

/// Whether a market can be dealt on now.
public struct MarketStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Open for dealing.
    public static let tradeable: Self = "TRADEABLE"
    /// The market is closed (`CLOSED`).
    public static let closed: Self = "CLOSED"
    /// Orders can be amended but not opened.
    public static let editsOnly: Self = "EDITS_ONLY"
    /// The market is offline (`OFFLINE`).
    public static let offline: Self = "OFFLINE"
    /// In an auction; orders can be amended.
    public static let onAuction: Self = "ON_AUCTION"
    /// In an auction; no changes accepted.
    public static let onAuctionNoEdits: Self = "ON_AUCTION_NO_EDITS"
    /// The market is suspended (`SUSPENDED`).
    public static let suspended: Self = "SUSPENDED"
}

/// The asset class of an instrument (`CURRENCIES`, `INDICES`, `SHARES`…).
public struct InstrumentType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Currencies (`CURRENCIES`).
    public static let currencies: Self = "CURRENCIES"
    /// Indices (`INDICES`).
    public static let indices: Self = "INDICES"
    /// Commodities (`COMMODITIES`).
    public static let commodities: Self = "COMMODITIES"
    /// Shares (`SHARES`).
    public static let shares: Self = "SHARES"
    /// Rates (`RATES`).
    public static let rates: Self = "RATES"
    /// Binary (`BINARY`).
    public static let binary: Self = "BINARY"
    /// Sprint market (`SPRINT_MARKET`).
    public static let sprintMarket: Self = "SPRINT_MARKET"
    /// Unknown (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
}

/// The unit of a dealing rule distance or a margin factor.
public struct RuleUnit: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A distance in points.
    public static let points: Self = "POINTS"
    /// A distance in percent of the level.
    public static let percentage: Self = "PERCENTAGE"
}

/// Whether market orders are allowed on an instrument.
public struct MarketOrderPreference: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Market orders are available and on by default.
    public static let availableDefaultOn: Self = "AVAILABLE_DEFAULT_ON"
    /// Market orders are available but off by default.
    public static let availableDefaultOff: Self = "AVAILABLE_DEFAULT_OFF"
    /// Market orders are not available.
    public static let notAvailable: Self = "NOT_AVAILABLE"
}

/// Deal direction.
public struct Direction: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buy (at the offer).
    public static let buy: Self = "BUY"
    /// Sell (at the bid).
    public static let sell: Self = "SELL"
}
