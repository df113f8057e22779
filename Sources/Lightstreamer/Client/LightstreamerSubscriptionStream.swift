import Synchronization

/// The events of one subscription, in order, as an `AsyncSequence`.
///
/// The sequence ends after a terminal event (``TLCPSubscriptionEvent/failed(code:message:)`` or
/// ``TLCPSubscriptionEvent/unsubscribed``), or when the client's ``LightstreamerClient/run()`` returns. Iterate it
/// from one task only.
///
/// The subscription lives as long as its consumer: once the sequence and every iterator made from it are gone, or
/// the task waiting in `next()` is cancelled, the client unsubscribes (TLCP `control` with `LS_op=delete`) and stops
/// buffering its events. A cancelled consumer's iteration ends (`next()` returns `nil`).
public struct LightstreamerSubscriptionStream: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = TLCPSubscriptionEvent

    /// The subscription's handle, for ``LightstreamerClient/unsubscribe(_:)``.
    public let id: TLCPSubscriptionID
    let lease: SubscriptionLease

    var buffer: SubscriptionBuffer { lease.buffer }

    /// A stream whose consumer going away calls `release` (once).
    init(id: TLCPSubscriptionID, buffer: SubscriptionBuffer, release: @escaping @Sendable () -> Void = {}) {
        self.id = id
        self.lease = SubscriptionLease(buffer: buffer, release: release)
    }

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let lease: SubscriptionLease

        /// The next event, waiting for one; `nil` once the subscription has ended or the calling task is cancelled.
        public mutating func next() async -> TLCPSubscriptionEvent? {
            await lease.next()
        }

        /// Protocol conformance for typed-throws iteration; never throws.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> TLCPSubscriptionEvent? {
            await lease.next()
        }
    }

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(lease: lease) }
}

extension TLCPSubscriptionEvent {
    var isTerminal: Bool {
        switch self {
        case .failed, .unsubscribed: return true
        default: return false
        }
    }

    var resetsItems: Bool {
        switch self {
        case .gap, .subscribed, .snapshotCleared: return true
        default: return false
        }
    }
}
