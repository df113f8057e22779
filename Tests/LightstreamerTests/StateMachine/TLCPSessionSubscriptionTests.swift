import Lightstreamer
import Testing

@Suite("Session state machine: subscriptions")
struct TLCPSessionSubscriptionTests {
    @Test("DISTINCT: every event is snapshot until EOS; OV is a gap; unknown subIds are ignored")
    func distinctSnapshot() {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,1,2")
        #expect(harness.receive("U,1,1,1|100").updates.map(\.isSnapshot) == [true])
        #expect(harness.receive("U,1,1,2|200").updates.map(\.isSnapshot) == [true])
        #expect(harness.receive("EOS,1,1").deliveries.map(\.1) == [.endOfSnapshot(item: 1)])
        #expect(harness.receive("U,1,1,3|300").updates.map(\.isSnapshot) == [false])
        let overflow = harness.receive("OV,1,1,7")
        #expect(overflow.deliveries.map(\.0) == [id])
        #expect(overflow.deliveredEvents == [.gap(.overflow(item: 1, lostUpdates: 7))])
        #expect(harness.receive("CS,1,1").deliveredEvents == [.snapshotCleared(item: 1)])
        #expect(harness.receive("U,9,1,x|y").isEmpty)
        #expect(harness.receive("U,1,5,x|y").isEmpty, "an item index out of range is ignored")
    }

    @Test("Subscribing while streaming sends an add at once; REQERR fails the subscription")
    func subscribeWhileStreaming() {
        var harness = SessionHarness()
        harness.connect()
        let (id, actions) = harness.subscribe()
        #expect(actions.sentRequests.map { $0[parameter: "LS_reqId"] } == ["1"])
        let refused = harness.receive("REQERR,1,21,Bad Group name")
        #expect(refused.deliveries.map(\.0) == [id])
        #expect(refused.deliveredEvents == [.failed(code: 21, message: "Bad Group name")])
        #expect(harness.machine.activeSubscriptions.isEmpty)
        #expect(harness.receive("SUBOK,1,2,2").isEmpty)
    }

    @Test("Unsubscribing sends a delete; updates until UNSUB are dropped")
    func unsubscribe() {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        let actions = harness.handle(.unsubscribe(id))
        #expect(actions.deliveredEvents == [.unsubscribed])
        #expect(actions.sentRequests.map { $0[parameter: "LS_op"] } == ["delete"])
        #expect(harness.receive("U,1,1,a|b").isEmpty)
        #expect(harness.receive("UNSUB,1").isEmpty)
    }

    @Test("Unsubscribe while recovering: the delete is sent once the session is recovered")
    func unsubscribeWhileRecovering() throws {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        let (kept, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")
        harness.receive("SUBOK,2,1,2")
        harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        #expect(harness.machine.status == .recovering)

        let actions = harness.handle(.unsubscribe(id))
        #expect(actions.deliveredEvents == [.unsubscribed])
        #expect(actions.sentRequests.isEmpty, "nothing can be sent while disconnected")

        harness.fire(.retry)
        let conok = harness.receive("CONOK,S1,50000,5000,*")
        let sent = conok.sentRequests
        #expect(sent.count == 1)
        #expect(sent.first?[parameter: "LS_op"] == "delete")
        #expect(sent.first?[parameter: "LS_subId"] == "1")
        #expect(harness.receive("U,1,1,a|b").isEmpty)
        #expect(harness.receive("U,2,1,a|b").deliveries.map(\.0) == [kept])
    }

    @Test("Unsubscribe while recovering, then recovery fails: nothing to delete in the new session")
    func unsubscribeThenNewSession() throws {
        var harness = SessionHarness { $0.sessionRecoveryTimeout = .zero }
        harness.connect()
        let (id, _) = harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        harness.handle(.unsubscribe(id))
        let create = try #require(harness.fire(.retry).opened)
        #expect(create.purpose == .createSession)
        #expect(harness.receive("CONOK,S2,50000,5000,*").sentRequests.isEmpty)
    }

    @Test("An add in flight when the connection broke is re-sent under a new subId after rebinding")
    func inDoubtAdd() {
        var harness = SessionHarness()
        harness.connect()
        harness.subscribe()
        harness.receive("LOOP,0")
        let conok = harness.receive("CONOK,S1,50000,5000,*")
        let sent = conok.sentRequests
        #expect(sent.map { $0[parameter: "LS_op"] } == ["delete", "add"])
        #expect(sent.map { $0[parameter: "LS_subId"] } == ["1", "2"])
        #expect(harness.receive("SUBOK,1,2,2").isEmpty, "the old subId is ignored")
        #expect(!harness.receive("SUBOK,2,2,2").deliveredEvents.isEmpty)
    }

    @Test("An undecodable update re-subscribes with a gap")
    func undecodableUpdate() {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        harness.receive("U,1,1,#|x")
        let broken = harness.receive("U,1,1,^Tbd|")
        #expect(broken.deliveries.map(\.0) == [id])
        #expect(broken.deliveredEvents == [.gap(.resubscribed(item: 1, .diffOnNullField(field: 0)))])
        if case .gap(.resubscribed(_, let error)) = broken.deliveredEvents.first {
            #expect(error.code == .diffOnNullField && error.field == 0)
            #expect(error.hint?.contains("fresh snapshot") == true)
        } else {
            Issue.record("no resubscribed gap: \(broken.deliveredEvents)")
        }
        #expect(broken.sentRequests.map { $0[parameter: "LS_op"] } == ["delete", "add"])
        #expect(broken.sentRequests.map { $0[parameter: "LS_subId"] } == ["1", "2"])
    }

    @Test("A server-initiated UNSUB ends the subscription")
    func serverUnsubscribe() {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        let unsub = harness.receive("UNSUB,1")
        #expect(unsub.deliveries.map(\.0) == [id])
        #expect(unsub.deliveredEvents == [.unsubscribed])
        #expect(harness.machine.activeSubscriptions.isEmpty)
    }

    @Test("COMMAND mode: SUBCMD reports key and command fields; snapshot until EOS")
    func commandMode() {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe(
            TLCPSubscription(mode: .command, items: ["portfolio"], fields: ["key", "command", "qty"]))
        let subcmd = harness.receive("SUBCMD,1,1,3,1,2")
        #expect(subcmd.deliveries.map(\.0) == [id])
        #expect(subcmd.deliveredEvents == [.subscribed(itemCount: 1, fieldCount: 3, keyField: 1, commandField: 2)])
        #expect(harness.receive("U,1,1,AAPL|ADD|10").updates.map(\.isSnapshot) == [true])
        harness.receive("EOS,1,1")
        let update = harness.receive("U,1,1,|UPDATE|12").updates
        #expect(
            update == [
                TLCPItemUpdate(item: 1, values: ["AAPL", "UPDATE", "12"], changedFields: [1, 2], isSnapshot: false)
            ])
    }

    @Test("RAW mode and snapshot disabled: nothing is flagged as snapshot")
    func noSnapshot() {
        var harness = SessionHarness()
        harness.connect()
        harness.subscribe(TLCPSubscription(mode: .raw, items: ["x"], fields: ["a"]))
        harness.subscribe(TLCPSubscription(mode: .merge, items: ["y"], fields: ["a"], snapshot: .disabled))
        harness.receive("SUBOK,1,1,1")
        harness.receive("SUBOK,2,1,1")
        #expect(harness.receive("U,1,1,v").updates.map(\.isSnapshot) == [false])
        #expect(harness.receive("U,2,1,v").updates.map(\.isSnapshot) == [false])
    }

    @Test("Updates of several subscriptions are routed by subId to the right client ids, in order")
    func routing() {
        var harness = SessionHarness()
        harness.connect()
        let (first, _) = harness.subscribe()
        let (second, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")
        harness.receive("SUBOK,2,1,2")
        var routed: [TLCPSubscriptionID] = []
        for line in ["U,2,1,a|b", "U,1,2,c|d", "U,2,1,e|", "U,1,1,f|g"] {
            routed += harness.receive(line).deliveries.map(\.0)
        }
        #expect(routed == [second, first, second, first])
    }
}
