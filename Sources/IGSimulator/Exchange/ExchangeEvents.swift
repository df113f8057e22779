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

/// Fans exchange events out to any number of listeners; each gets its own unbounded stream.
final class ExchangeEventHub: Sendable {
    private let listeners = Locked<[UInt64: AsyncStream<ExchangeEvent>.Continuation]>([:])
    private let nextID = Locked<UInt64>(0)

    /// Delivers `event` to every current listener.
    func publish(_ event: ExchangeEvent) {
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// A stream of every event published from now on; ends when the consumer stops iterating.
    func events() -> AsyncStream<ExchangeEvent> {
        let id = nextID.withLock { value -> UInt64 in
            value += 1
            return value
        }
        let (stream, continuation) = AsyncStream<ExchangeEvent>.makeStream(bufferingPolicy: .unbounded)
        continuation.onTermination = { [listeners] _ in _ = listeners.withLock { $0.removeValue(forKey: id) } }
        listeners.withLock { $0[id] = continuation }
        return stream
    }
}
