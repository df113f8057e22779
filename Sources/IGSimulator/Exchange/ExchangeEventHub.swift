import Foundation

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
