import Foundation

/// Something the exchange did that streaming clients are told about (Lightstreamer TRADE and ACCOUNT items).
///
/// The dealing engine publishes; the Lightstreamer server subscribes. Payloads are the JSON texts IG puts in the
/// TRADE item's `CONFIRMS`, `OPU` and `WOU` fields.
enum ExchangeEvent: Sendable, Hashable {
    /// A deal confirmation (`CONFIRMS` field of `TRADE:{accountId}`).
    case confirm(accountId: String, json: String)
    /// An open position update (`OPU` field of `TRADE:{accountId}`).
    case positionUpdate(accountId: String, json: String)
    /// A working order update (`WOU` field of `TRADE:{accountId}`).
    case workingOrderUpdate(accountId: String, json: String)
    /// The balance, margin or P&L of an account changed (`ACCOUNT:{accountId}` must be re-read).
    case accountChanged(accountId: String)
}
