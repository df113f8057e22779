import Lightstreamer
import Testing

@Suite("Session state machine: connection: create, bind, loop, end and disconnect")
struct TLCPSessionConnectionTests {
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
}
