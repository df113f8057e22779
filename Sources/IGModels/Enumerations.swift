/// The kind of an IG account.
public struct AccountType: IGStringValue {
    public let rawValue: String
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
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let enabled: Self = "ENABLED"
    public static let disabled: Self = "DISABLED"
    public static let suspendedFromDealing: Self = "SUSPENDED_FROM_DEALING"
}

/// Whether a market can be dealt on now.
public struct MarketStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let tradeable: Self = "TRADEABLE"
    public static let closed: Self = "CLOSED"
    public static let editsOnly: Self = "EDITS_ONLY"
    public static let offline: Self = "OFFLINE"
    public static let onAuction: Self = "ON_AUCTION"
    public static let onAuctionNoEdits: Self = "ON_AUCTION_NO_EDITS"
    public static let suspended: Self = "SUSPENDED"
}

/// The asset class of an instrument (`CURRENCIES`, `INDICES`, `SHARES`…).
public struct InstrumentType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let currencies: Self = "CURRENCIES"
    public static let indices: Self = "INDICES"
    public static let commodities: Self = "COMMODITIES"
    public static let shares: Self = "SHARES"
    public static let rates: Self = "RATES"
    public static let binary: Self = "BINARY"
    public static let sprintMarket: Self = "SPRINT_MARKET"
    public static let unknown: Self = "UNKNOWN"
}

/// The unit of a dealing rule distance or a margin factor.
public struct RuleUnit: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let points: Self = "POINTS"
    public static let percentage: Self = "PERCENTAGE"
}

/// Whether market orders are allowed on an instrument.
public struct MarketOrderPreference: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let availableDefaultOn: Self = "AVAILABLE_DEFAULT_ON"
    public static let availableDefaultOff: Self = "AVAILABLE_DEFAULT_OFF"
    public static let notAvailable: Self = "NOT_AVAILABLE"
}

/// Deal direction.
public struct Direction: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let buy: Self = "BUY"
    public static let sell: Self = "SELL"
}
