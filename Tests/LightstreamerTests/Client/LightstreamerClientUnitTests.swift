import Foundation
import Testing

@testable import Lightstreamer

@Suite("Subscription buffers")
struct SubscriptionBufferTests {
    static func update(_ item: Int, _ value: String, changed: [Int] = [0]) -> TLCPSubscriptionEvent {
        .update(TLCPItemUpdate(item: item, values: [value, "x"], changedFields: changed, isSnapshot: false))
    }

    @Test("Unbounded buffers deliver every event in order, then finish after a terminal event")
    func unbounded() async {
        let buffer = SubscriptionBuffer(policy: .unbounded)
        for value in ["1", "2", "3"] { buffer.push(Self.update(1, value)) }
        buffer.push(.unsubscribed)
        buffer.push(Self.update(1, "late"))
        var received: [TLCPSubscriptionEvent] = []
        for await event in LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
            received.append(event)
        }
        #expect(received == [Self.update(1, "1"), Self.update(1, "2"), Self.update(1, "3"), .unsubscribed])
    }

    @Test("Latest-value buffers conflate waiting updates per item and announce the drops with a gap")
    func latestValue() async {
        let buffer = SubscriptionBuffer(policy: .latestValuePerItem)
        buffer.push(.subscribed(itemCount: 2, fieldCount: 2, keyField: nil, commandField: nil))
        buffer.push(Self.update(1, "a1"))
        buffer.push(Self.update(2, "b1"))
        buffer.push(Self.update(1, "a2", changed: [1]))
        buffer.push(Self.update(1, "a3"))
        buffer.finish()
        var received: [TLCPSubscriptionEvent] = []
        for await event in LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
            received.append(event)
        }
        #expect(
            received == [
                .subscribed(itemCount: 2, fieldCount: 2, keyField: nil, commandField: nil),
                .gap(.conflated(item: 1, droppedUpdates: 2)),
                Self.update(1, "a3", changed: [0, 1]),
                Self.update(2, "b1"),
            ])
    }

    @Test("Snapshot events are never conflated: the first values of an item always arrive")
    func snapshotKept() async {
        let buffer = SubscriptionBuffer(policy: .latestValuePerItem)
        let snapshot = TLCPSubscriptionEvent.update(
            TLCPItemUpdate(item: 1, values: ["s", "x"], changedFields: [0, 1], isSnapshot: true))
        buffer.push(snapshot)
        buffer.push(Self.update(1, "a1"))
        buffer.push(Self.update(1, "a2"))
        buffer.finish()
        var received: [TLCPSubscriptionEvent] = []
        for await event in LightstreamerSubscriptionStream(id: TLCPSubscriptionID(1), buffer: buffer) {
            received.append(event)
        }
        #expect(received == [snapshot, .gap(.conflated(item: 1, droppedUpdates: 1)), Self.update(1, "a2")])
    }

    @Test("A consumer waiting for an event gets it directly")
    func waitingConsumer() async {
        let buffer = SubscriptionBuffer(policy: .latestValuePerItem)
        async let first = buffer.next()
        // Give the consumer a chance to park; correctness does not depend on it.
        await Task.yield()
        buffer.push(Self.update(1, "a1"))
        #expect(await first == Self.update(1, "a1"))
        buffer.finish()
        #expect(await buffer.next() == nil)
    }
}

@Suite("Session state machine: rejected credentials")
struct RejectedCredentialsTests {
    @Test("CONERR,1 asks once for fresh credentials, then is terminal")
    func retryOnce() throws {
        var harness = SessionHarness { $0.refreshesCredentialsBeforeNewSession = true }
        harness.handle(.connect(now: harness.now))
        let refused = harness.receive("CONERR,1,bad credentials")
        #expect(refused.contains(.refreshCredentials))
        #expect(harness.machine.credentialsWereRejected)
        let retried = harness.handle(
            .credentialsRefreshed(TLCPCredentials(user: "ABC123", password: "CST-n|XST-n"), now: harness.now))
        #expect(try #require(retried.opened).request[parameter: "LS_password"] == "CST-n|XST-n")
        let again = harness.receive("CONERR,1,bad credentials")
        #expect(!again.contains(.refreshCredentials))
        #expect(
            harness.machine.status
                == .disconnected(.failed(.connectionRefused(code: 1, message: "bad credentials"))))
    }

    @Test("Credentials can be requested before the first session too")
    func firstSession() {
        var harness = SessionHarness { $0.refreshesCredentialsBeforeFirstSession = true }
        let actions = harness.handle(.connect(now: harness.now))
        #expect(actions == [.statusChanged(.connecting), .refreshCredentials])
    }
}

@Suite("Client addresses")
struct ClientAddressTests {
    @Test("The CONOK control link replaces host and port, keeping the scheme")
    func controlLink() {
        let base = URL(string: "https://push.example.com")!
        #expect(LightstreamerClient.Driver.address(base: base, controlLink: nil) == base)
        #expect(
            LightstreamerClient.Driver.address(base: base, controlLink: "push2.example.com:8443").absoluteString
                == "https://push2.example.com:8443")
    }
}
