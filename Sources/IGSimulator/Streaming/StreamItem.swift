/// An IG streaming item, parsed from its name.
enum StreamItem: Sendable, Hashable {
    /// `PRICE:{accountId}:{epic}` (data adapter `Pricing`).
    case price(accountId: String, epic: String)
    /// Legacy `MARKET:{epic}`.
    case market(epic: String)
    /// `CHART:{epic}:TICK`.
    case chartTick(epic: String)
    /// `CHART:{epic}:{SECOND|1MINUTE|5MINUTE|HOUR}`.
    case chartCandle(epic: String, seconds: Int64)
    /// `ACCOUNT:{accountId}`.
    case account(accountId: String)
    /// `TRADE:{accountId}`.
    case trade(accountId: String)

    /// Item families; IG allows one family per subscription.
    enum Family: Sendable, Hashable {
        case price, market, chartTick, chartCandle, account, trade
    }

    /// Parses an item name (prefix case-insensitive), or nil.
    init?(name: String) {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[1].isEmpty else { return nil }
        switch (parts[0].uppercased(), parts.count) {
        case ("PRICE", 3) where !parts[2].isEmpty: self = .price(accountId: parts[1], epic: parts[2])
        case ("MARKET", 2), ("L1", 2): self = .market(epic: parts[1])
        case ("CHART", 3):
            switch parts[2].uppercased() {
            case "TICK": self = .chartTick(epic: parts[1])
            case "SECOND": self = .chartCandle(epic: parts[1], seconds: 1)
            case "1MINUTE": self = .chartCandle(epic: parts[1], seconds: 60)
            case "5MINUTE": self = .chartCandle(epic: parts[1], seconds: 300)
            case "HOUR": self = .chartCandle(epic: parts[1], seconds: 3600)
            default: return nil
            }
        case ("ACCOUNT", 2): self = .account(accountId: parts[1])
        case ("TRADE", 2): self = .trade(accountId: parts[1])
        default: return nil
        }
    }

    /// The item's family.
    var family: Family {
        switch self {
        case .price: .price
        case .market: .market
        case .chartTick: .chartTick
        case .chartCandle: .chartCandle
        case .account: .account
        case .trade: .trade
        }
    }

    /// The market epic of price-like items.
    var epic: String? {
        switch self {
        case .price(_, let epic), .market(let epic), .chartTick(let epic), .chartCandle(let epic, _): epic
        case .account, .trade: nil
        }
    }

    /// The account of account-bound items.
    var accountId: String? {
        switch self {
        case .price(let accountId, _), .account(let accountId), .trade(let accountId): accountId
        default: nil
        }
    }

    /// The account of an `ACCOUNT:` item.
    var accountOnlyId: String? {
        if case .account(let accountId) = self { return accountId }
        return nil
    }

    /// True for items of the `Pricing` data adapter; the others live in the default adapter.
    var needsPricingAdapter: Bool { self.family == .price }
}
