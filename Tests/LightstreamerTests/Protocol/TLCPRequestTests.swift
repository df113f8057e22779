import Lightstreamer
import Testing

@Suite("TLCP request encoding")
struct TLCPRequestTests {
    @Test("Percent-encoding keeps only unreserved characters; decoding is its inverse")
    func percentEncoding() {
        #expect(TLCPPercentEncoding.encode("CST-abc|XST-def") == "CST-abc%7CXST-def")
        #expect(TLCPPercentEncoding.encode("mgQkwtwdysogQz2BJ4Ji kOj2Bg") == "mgQkwtwdysogQz2BJ4Ji%20kOj2Bg")
        #expect(TLCPPercentEncoding.encode("MARKET:IX.D.FTSE.DAILY.IP") == "MARKET%3AIX.D.FTSE.DAILY.IP")
        #expect(TLCPPercentEncoding.encode("a+b=c&d%\r\n") == "a%2Bb%3Dc%26d%25%0D%0A")
        #expect(TLCPPercentEncoding.encode("café_~.-") == "caf%C3%A9_~.-")
        for text in ["a+b=c&d%\r\n", "café", "x|y z", ""] {
            #expect(TLCPPercentEncoding.decode(TLCPPercentEncoding.encode(text)) == text)
        }
        #expect(TLCPPercentEncoding.decode("a+b") == "a+b")
        #expect(TLCPPercentEncoding.decode("50%zz%4") == "50%zz%4")
    }

    @Test("create_session for IG over WebSocket")
    func createSession() {
        let request = TLCPRequest.createSession(
            credentials: TLCPCredentials(user: "ABC123", password: "CST-abc|XST-def"), adapterSet: "DEFAULT")
        #expect(
            request.webSocketFrame
                == "create_session\r\nLS_adapter_set=DEFAULT&LS_user=ABC123&LS_cid=mgQkwtwdysogQz2BJ4Ji%20kOj2Bg"
                + "&LS_send_sync=false&LS_password=CST-abc%7CXST-def")
        #expect(!request.description.contains("CST-abc"))
        #expect(request.description.contains("<redacted>"))
    }

    @Test("create_session over HTTP, with every optional parameter")
    func createSessionHTTP() {
        let request = TLCPRequest.createSession(
            credentials: TLCPCredentials(user: "u", password: nil), clientID: "cid", keepaliveMillis: 5000,
            inactivityMillis: 10000, requestedMaxBandwidth: 40.5, contentLength: 50_000_000, supportedDiffs: [],
            sendSync: false, oldSession: "S0", cause: "new.session")
        #expect(request.httpPath == "/lightstreamer/create_session.txt")
        #expect(request.httpQuery(version: .v2_4_0) == "LS_protocol=TLCP-2.4.0")
        #expect(
            request.httpBody
                == "LS_keepalive_millis=5000&LS_inactivity_millis=10000&LS_requested_max_bandwidth=40.5&LS_user=u"
                + "&LS_cid=cid&LS_content_length=50000000&LS_supported_diffs=&LS_send_sync=false&LS_old_session=S0"
                + "&LS_cause=new.session")
        let both = TLCPRequest.createSession(supportedDiffs: [.jsonPatch, .tlcpDiff])
        #expect(both[parameter: "LS_supported_diffs"] == "P,T")
        #expect(both.encodedParameters.contains("LS_supported_diffs=P%2CT"))
    }

    @Test("bind_session for LOOP and for recovery")
    func bindSession() {
        let rebind = TLCPRequest.bindSession(sessionID: "S1", keepaliveMillis: 5000, cause: "loop")
        #expect(
            rebind.webSocketFrame
                == "bind_session\r\nLS_session=S1&LS_keepalive_millis=5000&LS_send_sync=false&LS_cause=loop")
        let recovery = TLCPRequest.bindSession(sessionID: "S1", recoveryFrom: 5, contentLength: 50_000_000)
        #expect(recovery.httpPath == "/lightstreamer/bind_session.txt")
        #expect(recovery.httpQuery(version: .v2_5_0) == "LS_protocol=TLCP-2.5.0&LS_session=S1")
        #expect(recovery.httpBody == "LS_session=S1&LS_recovery_from=5&LS_content_length=50000000&LS_send_sync=false")
    }

    static let subscriptions: [(TLCPSubscription, String)] = [
        (
            TLCPSubscription(
                mode: .merge, items: ["MARKET:IX.D.FTSE.DAILY.IP"],
                fields: ["BID", "OFFER", "MARKET_STATE", "UPDATE_TIME"]),
            "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE&LS_group=MARKET%3AIX.D.FTSE.DAILY.IP"
                + "&LS_schema=BID%20OFFER%20MARKET_STATE%20UPDATE_TIME&LS_snapshot=true"
        ),
        (
            TLCPSubscription(
                mode: .distinct, items: ["CHART:IX.D.FTSE.DAILY.IP:TICK"], fields: ["BID", "OFR", "UTM"],
                snapshot: .limited(10), requestedMaxFrequency: .perSecond(2.5)),
            "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=DISTINCT&LS_group=CHART%3AIX.D.FTSE.DAILY.IP%3ATICK"
                + "&LS_schema=BID%20OFR%20UTM&LS_snapshot=10&LS_requested_max_frequency=2.5"
        ),
        (
            TLCPSubscription(
                mode: .merge, items: ["PRICE:ABC:CS.D.EURUSD.TODAY.IP"], fields: ["BIDPRICE1"], dataAdapter: "Pricing",
                snapshot: .disabled, requestedMaxFrequency: .unfiltered),
            "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE&LS_group=PRICE%3AABC%3ACS.D.EURUSD.TODAY.IP"
                + "&LS_schema=BIDPRICE1&LS_data_adapter=Pricing&LS_snapshot=false&LS_requested_max_frequency=unfiltered"
        ),
        (
            TLCPSubscription(mode: .raw, items: ["a", "b"], fields: ["f"], requestedMaxFrequency: .unlimited),
            "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=RAW&LS_group=a%20b&LS_schema=f&LS_requested_max_frequency=unlimited"
        ),
        (
            TLCPSubscription(
                mode: .command, items: ["portfolio"], fields: ["key", "command", "qty"], selector: "sel",
                requestedBufferSize: 5),
            "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=COMMAND&LS_group=portfolio&LS_schema=key%20command%20qty"
                + "&LS_selector=sel&LS_snapshot=true&LS_requested_buffer_size=5"
        ),
    ]

    @Test("control add for every mode", arguments: subscriptions)
    func subscribe(subscription: TLCPSubscription, expected: String) {
        let request = TLCPRequest.subscribe(requestID: "1", subscriptionID: 1, subscription: subscription)
        #expect(request.webSocketFrame == "control\r\n" + expected)
    }

    @Test("control delete, destroy and others, with LS_session for HTTP")
    func otherControls() {
        #expect(
            TLCPRequest.unsubscribe(requestID: "3", subscriptionID: 1, ack: false).webSocketFrame
                == "control\r\nLS_reqId=3&LS_op=delete&LS_subId=1&LS_ack=false")
        let delete = TLCPRequest.unsubscribe(requestID: "3", subscriptionID: 1, session: "S1")
        #expect(delete.httpPath == "/lightstreamer/control.txt")
        #expect(delete.httpQuery(version: .v2_4_0) == "LS_protocol=TLCP-2.4.0&LS_session=S1")
        #expect(delete.httpBody == "LS_reqId=3&LS_op=delete&LS_subId=1&LS_session=S1")
        #expect(
            TLCPRequest.destroy(requestID: "9", cause: "api").webSocketFrame
                == "control\r\nLS_reqId=9&LS_op=destroy&LS_close_socket=true&LS_cause=api")
        #expect(
            TLCPRequest.reconfigure(requestID: "4", subscriptionID: 2, maxFrequency: .perSecond(1)).httpBody
                == "LS_reqId=4&LS_op=reconf&LS_subId=2&LS_requested_max_frequency=1.0")
        #expect(
            TLCPRequest.constrain(requestID: "5", maxBandwidth: nil).httpBody.contains(
                "LS_requested_max_bandwidth=unlimited"))
        #expect(TLCPRequest.forceRebind(requestID: "6").httpBody == "LS_reqId=6&LS_op=force_rebind")
        #expect(TLCPRequest.heartbeat().webSocketFrame == "heartbeat\r\n\r\n")
        #expect(TLCPRequest.webSocketOK.webSocketFrame == "wsok")
        #expect(
            TLCPRequest.message("hi there", sequence: "Seq", progressive: 1, outcome: true).httpBody
                == "LS_message=hi%20there&LS_sequence=Seq&LS_msg_prog=1&LS_outcome=true")
    }

    @Test("Control requests batch into frames and bodies within the request limit")
    func batching() {
        let requests = (1...3).map { TLCPRequest.unsubscribe(requestID: String($0), subscriptionID: $0) }
        #expect(
            TLCPRequest.webSocketFrames(batching: requests)
                == [
                    "control\r\nLS_reqId=1&LS_op=delete&LS_subId=1\r\nLS_reqId=2&LS_op=delete&LS_subId=2\r\n"
                        + "LS_reqId=3&LS_op=delete&LS_subId=3"
                ])
        #expect(
            TLCPRequest.httpBodies(batching: requests)
                == [
                    "LS_reqId=1&LS_op=delete&LS_subId=1\r\nLS_reqId=2&LS_op=delete&LS_subId=2\r\nLS_reqId=3&LS_op=delete&LS_subId=3"
                ])
        // Each line is 35 bytes + CRLF; "control\r\n" is 9: a limit of 90 fits two lines per frame.
        let frames = TLCPRequest.webSocketFrames(batching: requests, requestLimit: 90)
        #expect(frames.count == 2)
        #expect(frames.allSatisfy { $0.utf8.count <= 90 })
        #expect(TLCPRequest.webSocketFrames(batching: requests, requestLimit: 10).count == 3)
        // Different request names never share a frame.
        #expect(TLCPRequest.webSocketFrames(batching: [.heartbeat(), requests[0]]).count == 2)
    }
}
