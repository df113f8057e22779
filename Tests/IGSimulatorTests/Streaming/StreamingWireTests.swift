import Foundation
import Testing

@testable import IGSimulator

@Suite("Lightstreamer server: the wire over WebSocket and HTTP")
struct StreamingWireTests {
    private static let priceFields = "BIDPRICE1%20ASKPRICE1%20TIMESTAMP%20DLG_FLAG%20HIGH%20LOW%20MID_OPEN%20NET_CHG"
    private static let crypto = "CS.D.BITCOIN.TODAY.IP"

    private static func addPrice(_ socket: TLCPTestSocket, subId: Int = 1, requestId: Int = 1) {
        socket.send(
            "control\r\nLS_reqId=\(requestId)&LS_op=add&LS_subId=\(subId)&LS_mode=MERGE"
                + "&LS_group=PRICE%3AZSB01%3A\(Self.crypto)&LS_schema=\(Self.priceFields)&LS_data_adapter=Pricing"
                + "&LS_snapshot=true&LS_ack=false")
    }

    @Test func wsokConokSubokAndFullFirstUpdate() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, conok) = try await StreamingTest.connect(harness, password: password)
            let conokArguments = StreamingTest.arguments(conok)
            #expect(conok.hasPrefix("CONOK,"))
            #expect(conokArguments.count == 4)
            #expect((Int(conokArguments[2]) ?? 0) > 0, "keepalive must never be 0")
            #expect(conokArguments[3] == "*")
            Self.addPrice(socket)
            let subok = await socket.line(startingWith: "SUBOK,")
            #expect(subok == "SUBOK,1,1,8")
            let conf = await socket.next()
            #expect(conf == "CONF,1,unlimited,filtered")
            let first = try #require(await socket.next())
            #expect(first.hasPrefix("U,1,1,"))
            let tokens = StreamingTest.tokens(first)
            #expect(tokens.count == 8)
            #expect(tokens.allSatisfy { !$0.isEmpty && !$0.hasPrefix("^") }, "first update must be full: \(first)")
            let second = try #require(await socket.line(startingWith: "U,1,1,"))
            var covered = 0
            for token in StreamingTest.tokens(second) {
                covered += token.hasPrefix("^") ? Int(token.dropFirst()) ?? 0 : 1
            }
            #expect(covered == 8, "every update covers exactly the schema: \(second)")
            for frame in socket.receivedFrames {
                #expect(frame.hasSuffix("\r\n"))
                #expect(!frame.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in \(frame)")
            }
            await socket.close()
        }
    }

    @Test func distinctTradeGetsEosAndNoEosForMerge() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, _) = try await StreamingTest.connect(harness, password: password)
            socket.send(
                "control\r\nLS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE&LS_group=ACCOUNT%3AZSB01"
                    + "&LS_schema=FUNDS%20PNL%20EQUITY&LS_snapshot=true\r\n"
                    + "LS_reqId=2&LS_op=add&LS_subId=2&LS_mode=DISTINCT&LS_group=TRADE%3AZSB01"
                    + "&LS_schema=CONFIRMS%20OPU%20WOU&LS_snapshot=true")
            var seen = [String]()
            let eos = await socket.line(startingWith: "EOS,") { seen.append($0) }
            #expect(eos == "EOS,2,1")
            #expect(seen.contains("REQOK,1") && seen.contains("REQOK,2"))
            #expect(seen.contains("SUBOK,1,1,3") && seen.contains("SUBOK,2,1,3"))
            #expect(!seen.contains { $0.hasPrefix("EOS,1") || $0.hasPrefix("CS,") })
            await harness.simulator.publishStreamingTrade(
                accountId: "ZSB01", field: "OPU", json: #"{"dealId":"DI1","ref":"a|b%c"}"#)
            let update = await socket.line(startingWith: "U,2,1,")
            #expect(update == #"U,2,1,#|{"dealId":"DI1","ref":"a%7Cb%25c"}|#"#)
            await harness.simulator.publishStreamingTrade(accountId: "ZSB01", field: "CONFIRMS", json: "{}")
            let second = await socket.line(startingWith: "U,2,1,")
            #expect(second == "U,2,1,{}|^2")
            await socket.close()
        }
    }

    @Test func badCredentialsAndUnsupportedProtocol() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration { $0.protocolVersions = ["2.4.0"] }) { harness in
            let (socket, conerr) = try await StreamingTest.connect(harness, password: "CST-bad%7CXST-bad")
            #expect(conerr.hasPrefix("CONERR,1,"))
            await socket.close()
            let password = try await StreamingTest.password(harness)
            let (other, refused) = try await StreamingTest.connect(
                harness, password: password, subprotocol: "TLCP-2.5.0.lightstreamer.com")
            #expect(refused.hasPrefix("CONERR,65,"))
            await other.close()
            await harness.simulator.invalidateAllSessions()
            let (third, expired) = try await StreamingTest.connect(harness, password: password)
            #expect(expired.hasPrefix("CONERR,1,"), "tokens invalidated: \(expired)")
            await third.close()
        }
    }

    @Test(
        "a configured keepalive of any size is announced within 100–60000 ms, as a client's own is (Int.max trapped)",
        arguments: [(Duration.seconds(Int64.max), "60000"), (.milliseconds(1), "100"), (.seconds(-5), "100")])
    func configuredKeepaliveClamped(keepalive: Duration, announced: String) async throws {
        try await SimulatorHarness.with(StreamingTest.configuration { $0.keepalive = keepalive }) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, conok) = try await StreamingTest.connect(harness, password: password)
            #expect(StreamingTest.arguments(conok)[2] == announced)
            Self.addPrice(socket)
            #expect(await socket.line(startingWith: "U,1,1,") != nil, "the session streams")
            await socket.close()
        }
    }

    @Test func probeWhenIdle() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, conok) = try await StreamingTest.connect(
                harness, password: password, extra: "&LS_keepalive_millis=200")
            #expect(StreamingTest.arguments(conok)[2] == "200")
            let probe = await socket.line(startingWith: "PROBE", within: 10)
            #expect(probe == "PROBE")
            await socket.close()
        }
    }

    @Test func syncWhenTheClientAsksForIt() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration { $0.syncInterval = .milliseconds(100) }) {
            harness in
            let password = try await StreamingTest.password(harness)
            let socket = TLCPTestSocket(baseURL: harness.baseURL)
            socket.send("wsok")
            socket.send("create_session\r\nLS_cid=x&LS_password=\(password)")
            let sync = try #require(await socket.line(startingWith: "SYNC,", within: 50))
            #expect(Int(StreamingTest.arguments(sync)[0]) != nil)
            await socket.close()
        }
    }

    @Test func loopThenRebindWithoutNewSubok() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, conok) = try await StreamingTest.connect(harness, password: password)
            let sessionId = StreamingTest.arguments(conok)[0]
            Self.addPrice(socket)
            _ = await socket.line(startingWith: "U,1,1,")
            await harness.simulator.injectStreamingFault(.loop)
            let loop = await socket.line(startingWith: "LOOP")
            #expect(loop == "LOOP,0")
            await socket.close()
            let rebound = TLCPTestSocket(baseURL: harness.baseURL)
            rebound.send("wsok")
            rebound.send("bind_session\r\nLS_session=\(sessionId)&LS_keepalive_millis=500&LS_cause=ws.loop")
            #expect(await rebound.next() == "WSOK")
            let conokAgain = try #require(await rebound.next())
            #expect(conokAgain.hasPrefix("CONOK,\(sessionId),"))
            var seen = [String]()
            let update = await rebound.line(startingWith: "U,1,1,") { seen.append($0) }
            #expect(update != nil)
            #expect(!seen.contains { $0.hasPrefix("SUBOK") })
            await rebound.close()
        }
    }

    @Test func recoveryOverHTTPPollingWithProg() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, conok) = try await StreamingTest.connect(harness, password: password)
            let sessionId = StreamingTest.arguments(conok)[0]
            Self.addPrice(socket)
            var data = [String]()
            while data.count < 6, let line = await socket.next() {
                if StreamingTest.isData(line) { data.append(line) }
            }
            await harness.simulator.injectStreamingFault(.stall(nil))
            let from = data.count - 2
            let body = try await StreamingTest.post(
                harness, "bind_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_session=\(sessionId)&LS_recovery_from=\(from)&LS_polling=true&LS_polling_millis=0"
                    + "&LS_idle_millis=0&LS_cause=ws.stalled")
            let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("CONOK,\(sessionId),") == true)
            #expect(lines.dropFirst().first == "PROG,\(from)")
            let replayed = lines.filter(StreamingTest.isData)
            #expect(Array(replayed.prefix(2)) == Array(data.suffix(2)), "replay after PROG: \(lines)")
            #expect(lines.last == "LOOP,0")
            await socket.close()
        }
    }

    @Test func httpCreateControlAndPollingBind() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let created = try await StreamingTest.post(
                harness, "create_session", query: "LS_protocol=TLCP-2.5.0",
                body: "LS_polling=true&LS_polling_millis=0&LS_idle_millis=0&LS_cid=x&LS_password=\(password)")
            let createdLines = created.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let conok = try #require(createdLines.first)
            #expect(conok.hasPrefix("CONOK,"))
            #expect(createdLines.last == "LOOP,0")
            let sessionId = StreamingTest.arguments(conok)[0]
            let control = try await StreamingTest.post(
                harness, "control", query: "LS_protocol=TLCP-2.5.0&LS_session=\(sessionId)",
                body: "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE&LS_group=MARKET%3A\(Self.crypto)"
                    + "&LS_schema=BID%20OFFER%20MARKET_STATE&LS_snapshot=true\r\n"
                    + "LS_reqId=2&LS_op=add&LS_subId=2&LS_mode=MERGE&LS_group=NOPE&LS_schema=BID")
            #expect(control.hasPrefix("REQOK,1\r\nREQERR,2,21,"))
            let polled = try await StreamingTest.post(
                harness, "bind_session", query: "LS_protocol=TLCP-2.5.0",
                body: "LS_session=\(sessionId)&LS_polling=true&LS_polling_millis=0&LS_idle_millis=0")
            let lines = polled.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.contains("SUBOK,1,1,3"))
            #expect(lines.contains { $0.hasPrefix("U,1,1,") })
            #expect(lines.last == "LOOP,0")
        }
    }

    @Test func httpStreamingBindLoopsWhenTheContentLengthIsUsed() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let created = try await StreamingTest.post(
                harness, "create_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_polling=true&LS_polling_millis=0&LS_idle_millis=0&LS_cid=x&LS_password=\(password)")
            let sessionId = StreamingTest.arguments(created.components(separatedBy: "\r\n")[0])[0]
            let control = try await StreamingTest.post(
                harness, "control", query: "LS_protocol=TLCP-2.4.0&LS_session=\(sessionId)",
                body: "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=DISTINCT&LS_group=CHART%3A\(Self.crypto)%3ATICK"
                    + "&LS_schema=BID%20OFR%20UTM&LS_snapshot=true")
            #expect(control == "REQOK,1\r\n")
            let streamed = try await StreamingTest.post(
                harness, "bind_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_session=\(sessionId)&LS_content_length=1500&LS_keepalive_millis=500")
            let lines = streamed.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("CONOK,\(sessionId),50000,500,") == true)
            #expect(lines.contains("EOS,1,1"))
            #expect(streamed.utf8.count >= 1500)
            #expect(lines.last == "LOOP,0")
        }
    }

    @Test func faultsEndDropAndMaximumDuration() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, _) = try await StreamingTest.connect(harness, password: password)
            await harness.simulator.injectStreamingFault(.end(code: 41))
            #expect(await socket.line(startingWith: "END,") == "END,41,Session closed by the server")
            await socket.close()

            let (dropped, _) = try await StreamingTest.connect(harness, password: password)
            await harness.simulator.injectStreamingFault(.drop)
            #expect(await dropped.line(startingWith: "LOOP") == nil, "a drop closes without LOOP")
            await dropped.close()

            await harness.simulator.setStreamingMaximumSessionDuration(.milliseconds(300))
            let (expiring, _) = try await StreamingTest.connect(harness, password: password)
            #expect(await expiring.line(startingWith: "END,") == "END,48,Maximum session duration")
            await expiring.close()
        }
    }
}
