public import IGModels

/// The names of IG's Lightstreamer items, built from typed identifiers.
///
/// Typed subscriptions on top of the `Lightstreamer` client land in this module; the item names are fixed by IG.
public enum IGStreamingItem: Sendable, Hashable, CustomStringConvertible {
    /// `PRICE:{accountId}:{epic}` with the `Pricing` adapter.
    case price(account: AccountId, epic: Epic)
    /// `CHART:{epic}:TICK`.
    case chartTick(epic: Epic)
    /// `ACCOUNT:{accountId}`.
    case account(AccountId)
    /// `TRADE:{accountId}`.
    case trade(AccountId)

    /// The item name sent in the subscription.
    public var description: String {
        switch self {
        case .price(let account, let epic): "PRICE:\(account):\(epic)"
        case .chartTick(let epic): "CHART:\(epic):TICK"
        case .account(let account): "ACCOUNT:\(account)"
        case .trade(let account): "TRADE:\(account)"
        }
    }
}
