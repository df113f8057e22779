import Lightstreamer
import Testing

@Suite("Session state machine: session lifecycle")
struct TLCPSessionLifecycleTests {
    @Test("Happy path: create over WebSocket, subscribe, snapshot then updates")
    func happyPath() throws {
        var harness = SessionHarness()
        #expect(harness.machine.status == .disconnected(.notStarted))
        let (id, early) = harness.subscribe()
        #expect(early.isEmpty, "nothing is sent before the session exists")

        let connect = harness.handle(.connect(now: harness.now))
        #expect(connect.statuses == [.connecting])
        let open = try #require(connect.opened)
        #expect(open.transport == .webSocket)
        #expect(open.purpose == .createSession)
        #expect(open.controlLink == nil)
        #expect(
            open.request.webSocketFrame
                == "create_session\r\nLS_adapter_set=DEFAULT&LS_user=ABC123&LS_cid=mgQkwtwdysogQz2BJ4Ji%20kOj2Bg"
                + "&LS_send_sync=false&LS_cause=api&LS_password=CST-a%7CXST-b")
        #expect(connect.scheduled(.connectTimeout) == seconds(4))

        #expect(harness.receive("WSOK").isEmpty)
        let conok = harness.receive("CONOK,S1,50000,5000,*")
        #expect(conok.contains(.cancelTimer(.connectTimeout)))
        #expect(conok.scheduled(.keepalive) == seconds(7))
        #expect(conok.statuses == [.connected(.webSocket)])
        #expect(harness.machine.sessionID == "S1")
        let adds = conok.sentRequests
        #expect(adds.count == 1)
        #expect(adds[0][parameter: "LS_op"] == "add")
        #expect(adds[0][parameter: "LS_subId"] == "1")
        #expect(adds[0][parameter: "LS_session"] == nil, "a WebSocket control request needs no LS_session")

        #expect(harness.receive("SERVNAME,Sim").isEmpty)
        let subok = harness.receive("SUBOK,1,2,2")
        #expect(subok.deliveredEvents == [.subscribed(itemCount: 2, fieldCount: 2, keyField: nil, commandField: nil)])
        #expect(
            harness.receive("CONF,1,unlimited,filtered").deliveredEvents == [
                .configured(maxFrequency: nil, isFiltered: true)
            ])

        let snapshot = harness.receive("U,1,1,1.5|1.6")
        #expect(snapshot.deliveries.map(\.0) == [id])
        #expect(
            snapshot.updates == [
                TLCPItemUpdate(item: 1, values: ["1.5", "1.6"], changedFields: [0, 1], isSnapshot: true)
            ])
        let live = harness.receive("U,1,1,|1.7")
        #expect(
            live.updates == [TLCPItemUpdate(item: 1, values: ["1.5", "1.7"], changedFields: [1], isSnapshot: false)])
        let otherItem = harness.receive("U,1,2,#|$")
        #expect(
            otherItem.updates == [TLCPItemUpdate(item: 2, values: [nil, ""], changedFields: [0, 1], isSnapshot: true)])
        #expect(harness.machine.dataNotificationCount == 5)
        #expect(harness.statuses == [.connecting, .connected(.webSocket)])
    }

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

    @Test("LOOP rebinds the same session on a new connection; subscriptions and item state carry on")
    func loopRebind() throws {
        var harness = SessionHarness()
        harness.connect(controlLink: "push2.example.com")
        harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        harness.receive("U,1,1,1.5|1.6")
        let first = harness.connectionID

        harness.advance(to: 1)
        let loop = harness.receive("LOOP,0")
        #expect(loop.contains(.closeTransport(first)))
        let rebind = try #require(loop.opened)
        #expect(rebind.purpose == .rebind)
        #expect(rebind.connectionID != first)
        #expect(rebind.controlLink == "push2.example.com", "new connections honour CONOK's control link")
        #expect(
            rebind.request.webSocketFrame
                == "bind_session\r\nLS_session=S1&LS_keepalive_millis=5000&LS_send_sync=false&LS_cause=loop")
        #expect(loop.statuses.isEmpty, "a LOOP is routine: the status stays connected")

        // A late line from the old connection is ignored.
        #expect(harness.handle(.notificationReceived(.probe, connection: first, now: harness.now)).isEmpty)
        #expect(harness.handle(.transportClosed(first, now: harness.now)).isEmpty)

        let conok = harness.receive("CONOK,S1,50000,5000,*")
        #expect(conok.sentRequests.isEmpty, "the server still has the subscriptions: no re-add")
        #expect(conok.statuses.isEmpty)
        let update = harness.receive("U,1,1,|1.9")
        #expect(
            update.updates == [TLCPItemUpdate(item: 1, values: ["1.5", "1.9"], changedFields: [1], isSnapshot: false)])
    }

    @Test("A LOOP with a delay waits before rebinding")
    func loopWithDelay() throws {
        var harness = SessionHarness()
        harness.connect()
        let loop = harness.receive("LOOP,2000")
        #expect(loop.opened == nil)
        #expect(loop.scheduled(.retry) == seconds(2))
        harness.advance(to: 2)
        let retry = harness.fire(.retry)
        #expect(try #require(retry.opened).purpose == .rebind)
    }

    @Test("Stall: keepalive + grace of silence is reported, traffic clears it, more silence starts recovery")
    func stallAndRecovery() throws {
        var harness = SessionHarness()
        harness.connect(keepaliveMillis: 5000)
        harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        harness.receive("U,1,1,1|2")
        harness.receive("U,1,1,3|")

        // Traffic at t=4 pushes the deadline: the timer at t=7 only re-arms.
        harness.advance(to: 4)
        harness.receive("PROBE")
        harness.advance(to: 7)
        let early = harness.fire(.keepalive)
        #expect(early == [.scheduleTimer(.keepalive, at: seconds(11))])

        harness.advance(to: 11)
        let stalled = harness.fire(.keepalive)
        #expect(stalled.statuses == [.stalled])
        #expect(stalled.scheduled(.stalled) == seconds(14))

        harness.advance(to: 12)
        let resumed = harness.receive("PROBE")
        #expect(resumed.statuses == [.connected(.webSocket)])
        #expect(resumed.contains(.cancelTimer(.stalled)))
        #expect(resumed.scheduled(.keepalive) == seconds(19))

        harness.advance(to: 19)
        #expect(harness.fire(.keepalive).statuses == [.stalled])
        harness.advance(to: 22)
        let lost = harness.connectionID
        let giveUp = harness.fire(.stalled)
        #expect(giveUp.contains(.closeTransport(lost)))
        #expect(giveUp.statuses == [.recovering])
        #expect(giveUp.scheduled(.retry) == seconds(22))

        let retry = harness.fire(.retry)
        let recovery = try #require(retry.opened)
        #expect(recovery.purpose == .recovery)
        #expect(recovery.request[parameter: "LS_recovery_from"] == "3")
        #expect(recovery.request[parameter: "LS_session"] == "S1")

        // The server resumes from 2: the next data notification is a duplicate and is skipped.
        harness.receive("CONOK,S1,50000,5000,*")
        #expect(harness.machine.status == .connected(.webSocket))
        harness.receive("PROG,2")
        #expect(harness.receive("U,1,1,3|").isEmpty, "the duplicate of the third data notification is skipped")
        let fresh = harness.receive("U,1,1,|4")
        #expect(fresh.updates == [TLCPItemUpdate(item: 1, values: ["3", "4"], changedFields: [1], isSnapshot: false)])
        #expect(harness.machine.dataNotificationCount == 4)
        #expect(
            harness.statuses == [
                .connecting, .connected(.webSocket), .stalled, .connected(.webSocket), .stalled, .recovering,
                .connected(.webSocket),
            ])
    }

    @Test("A transport closing without LOOP or END starts recovery at once")
    func transportClosedRecovers() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.receive("PROBE")
        let closed = harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        #expect(closed.statuses == [.recovering])
        let retry = harness.fire(.retry)
        #expect(try #require(retry.opened).request[parameter: "LS_recovery_from"] == "0")
    }

    @Test("Recovery that cannot succeed within the window falls back to a new session, re-subscription and a gap")
    func recoveryFailsNewSession() throws {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        let (pendingID, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")  // the second add stays unanswered
        harness.receive("U,1,1,1|2")

        harness.advance(to: 1)
        var all = harness.handle(.transportFailed(harness.connectionID, message: "reset", now: harness.now))
        var elapsed = 1.0
        var attempts = 0
        var lastActions: [SessionHarness.Action] = []
        while attempts <= 10 {
            lastActions = harness.fire(.retry)
            guard let open = lastActions.opened, open.purpose == .recovery else { break }
            attempts += 1
            all += harness.handle(.transportFailed(open.connectionID, message: "refused", now: harness.now))
            elapsed += 4
            harness.advance(to: elapsed)
        }
        #expect(attempts == 4, "attempts at t=1, 5, 9, 13; one at t=17 would start outside the 15 s window")
        #expect(harness.statuses.suffix(2) == [.disconnected(.willRetry(.recoveryFailed)), .connecting])
        #expect(all.deliveries.map(\.0) == [id], "the gap goes to the live subscription only")
        #expect(all.deliveredEvents == [.gap(.sessionReplaced)])
        #expect(harness.machine.sessionID == nil)

        let create = try #require(lastActions.opened)
        #expect(create.purpose == .createSession)
        #expect(create.request[parameter: "LS_old_session"] == "S1")
        #expect(create.request[parameter: "LS_password"] == "CST-a|XST-b")

        let conok = harness.receive("CONOK,S2,50000,5000,*")
        let adds = conok.sentRequests
        #expect(adds.map { $0[parameter: "LS_subId"] } == ["1", "2"], "every subscription is re-added with new subIds")
        #expect(adds.map { $0[parameter: "LS_mode"] } == ["MERGE", "DISTINCT"])
        harness.receive("SUBOK,1,2,2")
        let snapshot = harness.receive("U,1,1,5|6")
        #expect(
            snapshot.updates == [TLCPItemUpdate(item: 1, values: ["5", "6"], changedFields: [0, 1], isSnapshot: true)])
        #expect(pendingID != id)
    }

    @Test("The gap of a replaced session reaches live subscriptions only")
    func gapOnNewSession() {
        var harness = SessionHarness()
        harness.connect()
        let (live, _) = harness.subscribe()
        let (requested, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")
        let end = harness.receive("END,48,Maximum session duration reached")
        #expect(end.deliveries.map(\.0) == [live])
        #expect(end.deliveredEvents == [.gap(.sessionReplaced)])
        #expect(
            end.statuses == [
                .disconnected(.willRetry(.sessionEnded(code: 48, message: "Maximum session duration reached")))
            ])
        #expect(!end.deliveries.contains { $0.0 == requested })
    }

    @Test("PROG beyond our count means the session cannot be resumed: new session")
    func progMismatch() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        harness.fire(.retry)
        harness.receive("CONOK,S1,50000,5000,*")
        let mismatch = harness.receive("PROG,10")
        #expect(mismatch.statuses == [.disconnected(.willRetry(.recoveryFailed))])
        #expect(try #require(harness.fire(.retry).opened).purpose == .createSession)
    }

    @Test(
        "CONERR on create: credential and protocol errors are terminal, no retry loop",
        arguments: [1, 2, 7, 60, 65, 67, 71])
    func terminalConnectionErrors(code: Int) {
        var harness = SessionHarness()
        harness.handle(.connect(now: harness.now))
        let refused = harness.receive("CONERR,\(code),refused")
        #expect(refused.statuses == [.disconnected(.failed(.connectionRefused(code: code, message: "refused")))])
        #expect(refused.scheduled(.retry) == nil)
        #expect(refused.opened == nil)
        #expect(harness.fire(.retry).isEmpty, "no retry is pending")
        // Connecting again is allowed after a terminal failure.
        #expect(harness.handle(.connect(now: harness.now)).opened != nil)
    }

    @Test("CONERR on create: transient codes retry with backoff", arguments: [4, 5, 6, 20, 40, 41, 48])
    func retryableConnectionErrors(code: Int) throws {
        var harness = SessionHarness()
        harness.handle(.connect(now: harness.now))
        let refused = harness.receive("CONERR,\(code),later")
        #expect(refused.statuses == [.disconnected(.willRetry(.connectionRefused(code: code, message: "later")))])
        #expect(refused.scheduled(.retry) == seconds(4))
        harness.advance(to: 4)
        #expect(try #require(harness.fire(.retry).opened).purpose == .createSession)
    }

    static let endCodeCases: [(Int, Bool?)] = [
        (41, true), (48, true),  // new session at once
        (33, false), (34, false),  // new session after the backoff
        (31, nil), (32, nil), (35, nil), (40, nil), (0, nil), (-5, nil),  // terminal
    ]

    @Test("END codes: new session (immediately or after backoff) or terminal", arguments: endCodeCases)
    func endCodes(code: Int, immediate: Bool?) {
        var harness = SessionHarness()
        harness.connect()
        let end = harness.receive("END,\(code),closed")
        let problem = TLCPConnectionProblem.sessionEnded(code: code, message: "closed")
        switch immediate {
        case true?:
            #expect(end.statuses == [.disconnected(.willRetry(problem))])
            #expect(end.scheduled(.retry) == seconds(0))
        case false?:
            #expect(end.statuses == [.disconnected(.willRetry(problem))])
            #expect(end.scheduled(.retry) == seconds(4))
        case nil:
            #expect(end.statuses == [.disconnected(.failed(problem))])
            #expect(end.scheduled(.retry) == nil)
        }
        #expect(end.contains(.cancelTimer(.keepalive)))
    }

    @Test("ERROR on the stream is terminal")
    func errorIsTerminal() {
        var harness = SessionHarness()
        harness.connect()
        let error = harness.receive("ERROR,67,Malformed request")
        #expect(error.statuses == [.disconnected(.failed(.serverError(code: 67, message: "Malformed request")))])
    }

    @Test("CONERR on a bind: a gone session means a new session; protocol errors are terminal")
    func bindErrors() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.receive("LOOP,0")
        let gone = harness.receive("CONERR,20,Session not found")
        #expect(
            gone.statuses == [.disconnected(.willRetry(.connectionRefused(code: 20, message: "Session not found")))])
        #expect(try #require(harness.fire(.retry).opened).purpose == .createSession)

        var other = SessionHarness()
        other.connect()
        other.receive("LOOP,0")
        #expect(
            other.receive("CONERR,65,bad").statuses == [
                .disconnected(.failed(.connectionRefused(code: 65, message: "bad")))
            ])
    }

    @Test("Connect timeout without CONOK counts as a failed attempt")
    func connectTimeout() {
        var harness = SessionHarness()
        let first = harness.handle(.connect(now: harness.now))
        harness.advance(to: 3)
        #expect(harness.fire(.connectTimeout).isEmpty, "an early fire is ignored")
        harness.advance(to: 4)
        let timeout = harness.fire(.connectTimeout)
        #expect(timeout.contains(.closeTransport(first.opened!.connectionID)))
        #expect(timeout.statuses == [.disconnected(.willRetry(.connectTimeout))])
    }

    @Test("Backoff doubles from retryDelay up to the cap, and resets on CONOK")
    func backoffGrowthAndCap() throws {
        var harness = SessionHarness()
        var delays: [Double] = []
        harness.handle(.connect(now: harness.now))
        for _ in 0..<7 {
            let failed = harness.handle(.transportFailed(harness.connectionID, message: "refused", now: harness.now))
            let deadline = try #require(failed.scheduled(.retry))
            delays.append(Double((deadline - harness.now).components.seconds))
            harness.now = deadline
            harness.fire(.retry)
        }
        #expect(delays == [4, 8, 16, 32, 60, 60, 60])
        harness.receive("CONOK,S1,50000,5000,*")
        let end = harness.receive("END,33,server error")
        #expect(end.scheduled(.retry) == harness.now + .seconds(4), "a good CONOK resets the backoff")
    }

    @Test("Jitter comes from the seeded generator: bounded and reproducible")
    func jitter() throws {
        func delays(seed: UInt64) throws -> [Duration] {
            var harness = SessionHarness {
                $0.jitter = 0.5
                $0.randomSeed = seed
            }
            var result: [Duration] = []
            harness.handle(.connect(now: harness.now))
            for _ in 0..<6 {
                let failed = harness.handle(.transportFailed(harness.connectionID, message: "x", now: harness.now))
                let deadline = try #require(failed.scheduled(.retry))
                result.append(deadline - harness.now)
                harness.now = deadline
                harness.fire(.retry)
            }
            return result
        }
        let first = try delays(seed: 7)
        #expect(try delays(seed: 7) == first)
        #expect(try delays(seed: 8) != first)
        let nominal: [Int64] = [4, 8, 16, 32, 60, 60]
        for (delay, base) in zip(first, nominal) {
            #expect(delay <= .seconds(base))
            #expect(delay >= .seconds(base) / 2)
        }
    }

    @Test("WebSocket that never worked falls back to HTTP streaming at once")
    func httpFallback() throws {
        var harness = SessionHarness { $0.transport = .webSocketWithHTTPFallback }
        let first = try #require(harness.handle(.connect(now: harness.now)).opened)
        #expect(first.transport == .webSocket)
        let fallback = harness.handle(
            .transportFailed(first.connectionID, message: "upgrade refused", now: harness.now))
        let http = try #require(fallback.opened)
        #expect(http.transport == .httpStreaming)
        #expect(http.request.httpPath == "/lightstreamer/create_session.txt")
        #expect(http.request[parameter: "LS_content_length"] == "50000000")
        #expect(fallback.statuses.isEmpty)

        harness.subscribe()
        let conok = harness.receive("CONOK,S1,50000,5000,*")
        #expect(conok.statuses == [.connected(.httpStreaming)])
        #expect(conok.sentRequests.first?[parameter: "LS_session"] == "S1", "HTTP control requests name the session")
    }

    @Test("Disconnect destroys the session and keeps the subscriptions for the next connect")
    func disconnect() throws {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        let connection = harness.connectionID
        let bye = harness.handle(.disconnect(now: harness.now))
        #expect(bye.sentRequests.map { $0[parameter: "LS_op"] } == ["destroy"])
        #expect(bye.contains(.closeTransport(connection)))
        #expect(bye.contains(.cancelTimer(.keepalive)))
        #expect(bye.deliveries.map(\.0) == [id])
        #expect(bye.statuses == [.disconnected(.requested)])
        #expect(harness.machine.activeSubscriptions.keys.contains(id))

        harness.handle(.connect(now: harness.now))
        let again = harness.receive("CONOK,S9,50000,5000,*")
        #expect(again.sentRequests.map { $0[parameter: "LS_subId"] } == ["1"])
    }

    @Test("Fresh credentials are requested before re-creating a session")
    func credentialsRefresh() throws {
        var harness = SessionHarness { $0.refreshesCredentialsBeforeNewSession = true }
        harness.connect()
        harness.receive("END,48,max duration")
        let retry = harness.fire(.retry)
        #expect(retry == [.statusChanged(.connecting), .refreshCredentials])
        let refreshed = harness.handle(
            .credentialsRefreshed(TLCPCredentials(user: "ABC123", password: "CST-new|XST-new"), now: harness.now))
        #expect(try #require(refreshed.opened).request[parameter: "LS_password"] == "CST-new|XST-new")

        var failing = SessionHarness { $0.refreshesCredentialsBeforeNewSession = true }
        failing.connect()
        failing.receive("END,41,closed")
        failing.fire(.retry)
        let failed = failing.handle(.credentialsRefreshFailed(message: "login failed", now: failing.now))
        #expect(failed.statuses == [.disconnected(.willRetry(.credentialsUnavailable("login failed")))])
        #expect(failed.scheduled(.retry) == seconds(4))
    }

    @Test("Requesting no diffs sends an empty LS_supported_diffs")
    func noDiffs() throws {
        var harness = SessionHarness { $0.supportedDiffs = TLCPSessionStateMachine.Configuration.noDiffs }
        let open = try #require(harness.handle(.connect(now: harness.now)).opened)
        #expect(open.request[parameter: "LS_supported_diffs"] == "")
    }
}

@Suite("Session state machine: subscriptions")
struct TLCPSessionSubscriptionTests {
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
}

@Suite("Session state machine: transports and modes")
struct TLCPSessionTransportTests {
    @Test("HTTP streaming: LOOP at the content length rebinds with a new bind_session.txt request")
    func httpLoop() throws {
        var harness = SessionHarness { $0.transport = .httpStreaming }
        harness.connect()
        harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        let loop = harness.receive("LOOP,0")
        let bind = try #require(loop.opened)
        #expect(bind.transport == .httpStreaming)
        #expect(bind.request.httpPath == "/lightstreamer/bind_session.txt")
        #expect(
            bind.request.httpQuery(version: harness.machine.configuration.protocolVersion)
                == "LS_protocol=TLCP-2.4.0&LS_session=S1")
        #expect(bind.request[parameter: "LS_content_length"] == "50000000")
        #expect(harness.receive("CONOK,S1,50000,5000,*").statuses.isEmpty)
        // An HTTP control response fed back on the stream's connection.
        harness.handle(.unsubscribe(harness.machine.activeSubscriptions.keys.first!))
        #expect(harness.receive("REQOK,2").isEmpty)
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
