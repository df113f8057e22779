import Foundation
public import IGModels

/// One event of a `TRADE:{accountId}` item: a field (`CONFIRMS`, `OPU` or `WOU`) that changed, decoded.
///
/// IG resends unchanged `CONFIRMS`/`WOU` values as "unchanged", so a consumer merging values would still hold old
/// ones; this module emits a payload only when its field changed with the update.
public struct IGTradeUpdate: Sendable, Hashable {
    /// What changed.
    public enum Payload: Sendable, Hashable {
        /// `CONFIRMS`: a deal confirmation.
        case confirmation(IGTradeConfirmation)
        /// `OPU`: an open position was opened, updated or deleted.
        case openPosition(IGOpenPositionUpdate)
        /// `WOU`: a working order was opened, updated or deleted.
        case workingOrder(IGWorkingOrderUpdate)
        /// A payload that could not be decoded, kept raw (`field` is `CONFIRMS`, `OPU` or `WOU`).
        case undecodable(field: String, json: String)
    }

    /// The account.
    public var accountId: AccountId
    /// The decoded payload.
    public var payload: Payload
    /// Whether the event belongs to the item's snapshot (a value that predates the subscription).
    public var isSnapshot: Bool
}
