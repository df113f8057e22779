import Lightstreamer
import Testing

@Suite("TLCP notification parsing")
struct TLCPNotificationParsingTests {
    static let wellFormed: [(String, TLCPNotification)] = [
        (
            "CONOK,S1,50000,5000,*",
            .connectionOK(sessionID: "S1", requestLimit: 50000, keepaliveMillis: 5000, controlLink: nil)
        ),
        (
            "CONOK,Sabc,50000,1000,push2.example.com:8443",
            .connectionOK(
                sessionID: "Sabc", requestLimit: 50000, keepaliveMillis: 1000, controlLink: "push2.example.com:8443")
        ),
        (
            "CONERR,65,Unsupported protocol version: 2.5.0",
            .connectionError(code: 65, message: "Unsupported protocol version: 2.5.0")
        ),
        ("CONERR,1,User%2Fpassword check failed", .connectionError(code: 1, message: "User/password check failed")),
        ("END,48,Maximum session duration reached", .end(code: 48, message: "Maximum session duration reached")),
        ("END,31,a,b,c", .end(code: 31, message: "a,b,c")),
        ("LOOP,0", .loop(delayMillis: 0)),
        ("LOOP,5000", .loop(delayMillis: 5000)),
        ("SYNC,120", .sync(seconds: 120)),
        ("PROBE", .probe),
        ("NOOP,sending placeholder data", .noop("sending placeholder data")),
        ("SERVNAME,Lightstreamer HTTP Server", .serverName("Lightstreamer HTTP Server")),
        ("CLIENTIP,127.0.0.1", .clientIP("127.0.0.1")),
        ("CLIENTIP,::1", .clientIP("::1")),
        ("CONS,unlimited", .constrain(.unlimited)),
        ("CONS,unmanaged", .constrain(.unmanaged)),
        ("CONS,50", .constrain(.kilobitsPerSecond(50))),
        ("PROG,24576", .progressive(24576)),
        ("WSOK", .webSocketOK),
        ("REQOK,7", .requestOK(requestID: "7")),
        ("REQOK", .requestOK(requestID: nil)),
        ("REQERR,3,21,Bad Group name", .requestError(requestID: "3", code: 21, message: "Bad Group name")),
        ("ERROR,67,Malformed request", .error(code: 67, message: "Malformed request")),
        ("SUBOK,3,1,10", .subscriptionOK(subscriptionID: 3, itemCount: 1, fieldCount: 10)),
        (
            "SUBCMD,3,1,10,1,2",
            .commandSubscriptionOK(subscriptionID: 3, itemCount: 1, fieldCount: 10, keyField: 1, commandField: 2)
        ),
        ("UNSUB,3", .unsubscribed(subscriptionID: 3)),
        (
            "U,3,1,20:00:33|3.04|0.0|2.41|3.67|3.03|3.04|#|#|$",
            .update(subscriptionID: 3, item: 1, values: "20:00:33|3.04|0.0|2.41|3.67|3.03|3.04|#|#|$")
        ),
        ("U,3,1,", .update(subscriptionID: 3, item: 1, values: "")),
        ("U,5,2,{\"a\":1,\"b\":2}|x", .update(subscriptionID: 5, item: 2, values: "{\"a\":1,\"b\":2}|x")),
        ("EOS,3,1", .endOfSnapshot(subscriptionID: 3, item: 1)),
        ("CS,3,1", .clearSnapshot(subscriptionID: 3, item: 1)),
        ("OV,3,1,5", .overflow(subscriptionID: 3, item: 1, lostUpdates: 5)),
        ("CONF,3,3.0,filtered", .configuration(subscriptionID: 3, maxFrequency: 3.0, isFiltered: true)),
        ("CONF,1,unlimited,unfiltered", .configuration(subscriptionID: 1, maxFrequency: nil, isFiltered: false)),
        ("MSGDONE,*,3", .messageDone(sequence: nil, progressive: 3, response: nil)),
        (
            "MSGDONE,Orders_Sequence,3,Processed with ID 32652506",
            .messageDone(sequence: "Orders_Sequence", progressive: 3, response: "Processed with ID 32652506")
        ),
        (
            "MSGFAIL,Orders_Sequence,4,38,The specified progressive number has been skipped by timeout",
            .messageFailed(
                sequence: "Orders_Sequence", progressive: 4, code: 38,
                message: "The specified progressive number has been skipped by timeout")
        ),
        (
            "MPNREG,8c1eaa79-acd1-4cb4-b2a7-3b62bb449798,MPN_INTERNAL_DATA_ADAPTER",
            .mpnDeviceRegistered(
                deviceID: "8c1eaa79-acd1-4cb4-b2a7-3b62bb449798", adapterName: "MPN_INTERNAL_DATA_ADAPTER")
        ),
        ("MPNZERO,8c1eaa79", .mpnBadgeReset(deviceID: "8c1eaa79")),
        ("MPNOK,3,af9fbcf1", .mpnSubscriptionActivated(subscriptionID: 3, mpnSubscriptionID: "af9fbcf1")),
        ("MPNCONF,,af9fbcf1", .mpnSubscriptionReconfigured(mpnSubscriptionID: "af9fbcf1")),
        ("MPNCONF,af9fbcf1", .mpnSubscriptionReconfigured(mpnSubscriptionID: "af9fbcf1")),
        ("MPNDEL,af9fbcf1", .mpnSubscriptionDeleted(mpnSubscriptionID: "af9fbcf1")),
    ]

    @Test("Every notification kind parses", arguments: wellFormed)
    func parses(line: String, expected: TLCPNotification) {
        #expect(TLCPNotification(line: line) == expected)
    }

    @Test("Line terminators are stripped", arguments: ["PROBE\r\n", "PROBE\n", "PROBE\r", "PROBE"])
    func terminators(line: String) {
        #expect(TLCPNotification(line: line) == .probe)
    }

    static let malformed: [String] = [
        "",
        "HELLO",
        "Server going down for weekend maintenance",
        "CONOK,S1,notanumber,5000,*",
        "CONOK,S1,50000",
        "SUBOK,1,2",
        "SUBOK,x,1,2",
        "U,1",
        "U,1,2",
        "U,a,1,x",
        "LOOP",
        "LOOP,soon",
        "EOS,1",
        "OV,1,1",
        "CONF,1,fast,filtered",
        "CONF,1,unlimited,sometimes",
        "CONS,lots",
        "CONERR,abc,msg",
        "VERYLONGTAG,1",
        "u,1,1,a",
        ",1,2",
        "PROG,",
        "SUBOK,99999999999999999999999,1,1",
    ]

    @Test("Malformed or unknown lines become .unknown, never a crash", arguments: malformed)
    func malformedLines(line: String) {
        #expect(TLCPNotification(line: line) == .unknown(line))
    }

    @Test("Data notifications are the ones counted for recovery")
    func dataNotifications() {
        let data = [
            "U,1,1,a", "SUBOK,1,1,1", "SUBCMD,1,1,2,1,2", "UNSUB,1", "EOS,1,1", "CS,1,1", "OV,1,1,1",
            "CONF,1,unlimited,filtered", "MSGDONE,*,1", "MSGFAIL,*,1,38,x",
        ]
        let other = ["CONOK,S,1,1,*", "PROBE", "LOOP,0", "SYNC,1", "REQOK,1", "PROG,1", "NOOP,x", "END,1,x", "WSOK"]
        for line in data { #expect(TLCPNotification(line: line).isDataNotification, "\(line)") }
        for line in other { #expect(!TLCPNotification(line: line).isDataNotification, "\(line)") }
    }

    @Test("A real IG TRADE line keeps its raw JSON (commas and quotes)")
    func igTradeLine() {
        let line =
            #"U,3,1,|{"dealReference":"2DZZ73A1G2YQDSS58","dealId":"DIAAAAJC2PQZ6A9","level":13951.5,"stopLevel":null}|"#
        guard case .update(let subscriptionID, let item, let values) = TLCPNotification(line: line) else {
            Issue.record("not an update")
            return
        }
        #expect(subscriptionID == 3)
        #expect(item == 1)
        #expect(values.hasPrefix("|{\"dealReference\""))
        #expect(values.hasSuffix("null}|"))
    }
}

@Suite("TLCP line framing")
struct TLCPLineFramerTests {
    static let stream = Array("CONOK,S1,50000,5000,*\r\nSERVNAME,Sim\r\nU,1,1,a|b\r\n\r\nPROBE\nLOOP,0\r\n".utf8)
    static let expected = ["CONOK,S1,50000,5000,*", "SERVNAME,Sim", "U,1,1,a|b", "PROBE", "LOOP,0"]

    @Test("Any chunking of the stream yields the same lines", arguments: [1, 2, 3, 5, 7, 13, 64, 1000])
    func chunking(chunkSize: Int) {
        var framer = TLCPLineFramer()
        var lines: [String] = []
        var start = 0
        while start < Self.stream.count {
            let end = min(start + chunkSize, Self.stream.count)
            lines += framer.append(Self.stream[start..<end])
            start = end
        }
        #expect(lines == Self.expected)
        #expect(framer.finish() == nil)
    }

    @Test("A CR split from its LF across chunks is still one terminator")
    func splitCRLF() {
        var framer = TLCPLineFramer()
        #expect(framer.append(Array("PROBE\r".utf8)) == [])
        #expect(framer.append(Array("\nWSOK\r\n".utf8)) == ["PROBE", "WSOK"])
    }

    @Test("Multi-byte UTF-8 characters split across chunks survive")
    func utf8Split() {
        let bytes = Array("U,1,1,€uro\r\n".utf8)
        var framer = TLCPLineFramer()
        var lines: [String] = []
        for byte in bytes { lines += framer.append([byte]) }
        #expect(lines == ["U,1,1,€uro"])
    }

    @Test("A trailing partial line is returned by finish()")
    func finish() {
        var framer = TLCPLineFramer()
        #expect(framer.append(Array("PROBE\r\nLOOP,".utf8)) == ["PROBE"])
        #expect(framer.bufferedByteCount == 5)
        #expect(framer.finish() == "LOOP,")
        #expect(framer.bufferedByteCount == 0)
    }

    @Test("Oversized lines are dropped and counted, the stream continues")
    func oversized() {
        var framer = TLCPLineFramer(maximumLineLength: 8)
        var lines = framer.append(Array("U,1,1,aaaa".utf8))
        lines += framer.append(Array("aaaaaaaa\r\nPROBE\r\n".utf8))
        #expect(lines == ["PROBE"])
        #expect(framer.droppedLineCount == 1)
    }

    @Test("WebSocket frames split on CRLF or LF, dropping empty lines")
    func frames() {
        #expect(TLCPLineFramer.lines(inFrame: "WSOK") == ["WSOK"])
        #expect(
            TLCPLineFramer.lines(inFrame: "CONOK,S1,50000,5000,*\r\nSERVNAME,Sim\r\n\r\nCONS,unlimited\r\n")
                == ["CONOK,S1,50000,5000,*", "SERVNAME,Sim", "CONS,unlimited"])
        #expect(TLCPLineFramer.lines(inFrame: "PROBE\nLOOP,0\n") == ["PROBE", "LOOP,0"])
        #expect(TLCPLineFramer.lines(inFrame: "") == [])
    }
}
