public import Lightstreamer

/// A typed IG subscription: an `AsyncSequence` of ``IGStreamingEvent``s. It finishes when unsubscribed or when the
/// streaming client stops, and throws ``IGStreamingError/subscriptionRefused(code:message:)`` if the server refuses
/// it. Iterate it from one task.
///
/// The subscription lasts while its consumer does: when the sequence and its iterators are dropped, or the task
/// iterating it is cancelled, the client unsubscribes from the server on its own.
public struct IGStreamingSubscription<Update: Sendable>: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = IGStreamingEvent<Update>

    /// The underlying subscription's handle (for ``IGStreamingClient/unsubscribe(_:)``).
    public let id: TLCPSubscriptionID
    /// The items, in subscription order.
    public let items: [IGStreamingItem]
    let events: LightstreamerSubscriptionStream
    let decoder: IGUpdateDecoder<Update>

    init(events: LightstreamerSubscriptionStream, decoder: IGUpdateDecoder<Update>) {
        self.id = events.id
        self.items = decoder.items
        self.events = events
        self.decoder = decoder
    }

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var events: LightstreamerSubscriptionStream.AsyncIterator
        let decoder: IGUpdateDecoder<Update>
        var ready: [Update] = []

        /// The next event; `nil` once the subscription has ended.
        public mutating func next() async throws -> IGStreamingEvent<Update>? {
            while true {
                if !ready.isEmpty { return .update(ready.removeFirst()) }
                guard let event = await events.next() else { return nil }
                switch event {
                case .update(let update):
                    ready = decoder(update)
                case .subscribed:
                    return .subscribed
                case .gap(let gap):
                    return .gap(gap, item: item(of: gap))
                case .failed(let code, let message):
                    throw IGStreamingError.subscriptionRefused(code: code, message: message)
                case .unsubscribed:
                    return nil
                case .endOfSnapshot, .snapshotCleared, .configured:
                    continue
                }
            }
        }

        private func item(of gap: TLCPGap) -> IGStreamingItem? {
            let index: Int
            switch gap {
            case .overflow(let item, _), .conflated(let item, _), .resubscribed(let item, _): index = item
            case .sessionReplaced: return nil
            }
            return index >= 1 && index <= decoder.items.count ? decoder.items[index - 1] : nil
        }
    }

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(events: events.makeAsyncIterator(), decoder: decoder)
    }
}
