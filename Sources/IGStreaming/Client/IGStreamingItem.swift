public import IGModels

/// The names of IG's Lightstreamer items, built from typed identifiers.
public enum IGStreamingItem: Sendable, Hashable, CustomStringConvertible {
    /// `PRICE:{accountId}:{epic}` with the `Pricing` adapter.
    case price(account: AccountId, epic: Epic)
    /// Legacy `MARKET:{epic}` (retired by IG in May 2026; still served by the simulator).
    case market(epic: Epic)
    /// `CHART:{epic}:TICK`.
    case chartTick(epic: Epic)
    /// `CHART:{epic}:{SECOND|1MINUTE|5MINUTE|HOUR}`.
    case chartCandle(epic: Epic, scale: IGCandleScale)
    /// `ACCOUNT:{accountId}`.
    case account(AccountId)
    /// `TRADE:{accountId}`.
    case trade(AccountId)

    /// The item name sent in the subscription.
    public var description: String {
        switch self {
        case .price(let account, let epic): "PRICE:\(account):\(epic)"
        case .market(let epic): "MARKET:\(epic)"
        case .chartTick(let epic): "CHART:\(epic):TICK"
        case .chartCandle(let epic, let scale): "CHART:\(epic):\(scale.rawValue)"
        case .account(let account): "ACCOUNT:\(account)"
        case .trade(let account): "TRADE:\(account)"
        }
    }

    /// The epic of a market item (`nil` for ACCOUNT and TRADE).
    public var epic: Epic? {
        switch self {
        case .price(_, let epic), .market(let epic), .chartTick(let epic), .chartCandle(let epic, _): epic
        case .account, .trade: nil
        }
    }
}
