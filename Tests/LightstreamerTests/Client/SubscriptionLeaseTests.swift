import Synchronization
import Testing

@testable import Lightstreamer

/// Counts calls of a release closure.
private final class ReleaseCounter: Sendable {
    let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func release() { count.withLock { $0 += 1 } }
}

@Suite("Subscription leases")
struct SubscriptionLeaseTests {
    static let update = TLCPSubscriptionEvent.update(
        TLCPItemUpdate(item: 1, values: ["1"], changedFields: [0], isSnapshot: false))

    @Test("Dropping the sequence and its iterators releases the subscription once and stops buffering")
    func dropReleases() async {
        let counter = ReleaseCounter()
        let buffer = SubscriptionBuffer(policy: .unbounded)
        do {
            let stream = LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
                counter.release()
            }
            buffer.push(Self.update)
            var iterator = stream.makeAsyncIterator()
            #expect(await iterator.next() == Self.update)
            withExtendedLifetime(iterator) { #expect(counter.value == 0, "alive while the iterator is") }
        }
        #expect(counter.value == 1)
        #expect(buffer.isAbandoned)
        buffer.push(Self.update)
        #expect(buffer.pendingCount == 0)
    }

    @Test("Cancelling a waiting consumer ends its iteration with nil and releases the subscription")
    func cancellationReleases() async {
        let counter = ReleaseCounter()
        let buffer = SubscriptionBuffer(policy: .unbounded)
        let stream = LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
            counter.release()
        }
        let events = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                var events = 0
                for await _ in stream { events += 1 }
                return events
            }
            buffer.push(Self.update)
            group.cancelAll()
            return await group.next() ?? -1
        }
        #expect(events <= 1)
        #expect(counter.value == 1)
        #expect(buffer.isAbandoned)
        _ = stream
    }

    @Test("A subscription that ended on its own releases nothing until its consumer is gone")
    func endedSubscription() async {
        let counter = ReleaseCounter()
        let buffer = SubscriptionBuffer(policy: .unbounded)
        do {
            let stream = LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
                counter.release()
            }
            buffer.push(.unsubscribed)
            var received: [TLCPSubscriptionEvent] = []
            for await event in stream { received.append(event) }
            #expect(received == [.unsubscribed])
            withExtendedLifetime(stream) { #expect(counter.value == 0) }
        }
        #expect(counter.value == 1, "a late unsubscribe is harmless: the client ignores unknown ids")
    }
}
