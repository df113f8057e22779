import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// A Lightstreamer session can be reached only by the client that created it: ids are 128 random bits, and a
/// bind or control that carries other credentials than the session's own is refused.
@Suite("Hardening: streaming sessions cannot be taken over")
struct StreamHijackTests {
    private static let trade = "LS_op=add&LS_subId=7&LS_mode=DISTINCT&LS_group=TRADE%3AZSB01&LS_schema=CONFIRMS%20OPU"

    @Test func sessionIdsAreLongRandomAndDifferOnEveryFreshSimulator() async throws {
        var ids = [String]()
        for _ in 0..<2 {
            try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
                let password = try await StreamingTest.password(harness)
                let (socket, conok) = try await StreamingTest.connect(harness, password: password)
                ids.append(StreamingTest.arguments(conok)[0])
                await socket.close()
            }
        }
        #expect(ids.count == 2)
        #expect(ids[0] != ids[1], "the first session id of a fresh simulator must not be predictable")
        for id in ids {
            #expect(id.count == 33)
            #expect(id.dropFirst().allSatisfy { $0.isHexDigit })
        }
    }

    @Test func aGuessedIdReachesNothing() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (victim, conok) = try await StreamingTest.connect(harness, password: password)
            let realId = StreamingTest.arguments(conok)[0]
            // What the old counter produced, and neighbours of the real id.
            for guess in ["S1T1", "S2T2", String(realId.dropLast()) + (realId.hasSuffix("0") ? "1" : "0")] {
                let attacker = TLCPTestSocket(baseURL: harness.baseURL)
                attacker.send("wsok")
                _ = await attacker.next()
                attacker.send("bind_session\r\nLS_session=\(guess)&LS_keepalive_millis=500")
                #expect(await attacker.next() == "CONERR,20,Session not found", "\(guess)")
                await attacker.close()
                let control = try await StreamingTest.post(
                    harness, "control", query: "LS_protocol=TLCP-2.4.0&LS_session=\(guess)",
                    body: "LS_reqId=1&\(Self.trade)\r\nLS_reqId=2&LS_op=destroy")
                #expect(control.hasPrefix("REQERR,1,20,"), "\(guess): \(control)")
                #expect(control.contains("REQERR,2,20,"), "\(guess): \(control)")
            }
            #expect(harness.simulator.core.context.streaming.session(realId) != nil, "the victim's session lives on")
            await victim.close()
        }
    }

    @Test func anotherLoginCannotBindControlOrDestroyTheSession() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let ownerPassword = try await StreamingTest.password(harness)
            let created = try await StreamingTest.post(
                harness, "create_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_polling=true&LS_polling_millis=0&LS_idle_millis=0&LS_user=ZSB01&LS_password=\(ownerPassword)")
            let sessionId = StreamingTest.arguments(created.components(separatedBy: "\r\n")[0])[0]
            let otherPassword = try await StreamingTest.password(harness)
            #expect(otherPassword != ownerPassword)

            let bind = try await StreamingTest.post(
                harness, "bind_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_session=\(sessionId)&LS_polling=true&LS_polling_millis=0&LS_password=\(otherPassword)")
            #expect(bind.hasPrefix("CONERR,1,"), "\(bind)")
            let control = try await StreamingTest.post(
                harness, "control", query: "LS_protocol=TLCP-2.4.0&LS_session=\(sessionId)",
                body: "LS_reqId=1&\(Self.trade)&LS_password=\(otherPassword)\r\n"
                    + "LS_reqId=2&LS_op=destroy&LS_password=\(otherPassword)\r\n"
                    + "LS_reqId=3&LS_op=destroy&LS_user=ZCF02&LS_password=\(ownerPassword)")
            #expect(control.hasPrefix("REQERR,1,20,"), "\(control)")
            #expect(control.contains("REQERR,2,20,"), "\(control)")
            #expect(control.contains("REQERR,3,20,"), "\(control)")

            let attacker = TLCPTestSocket(baseURL: harness.baseURL)
            attacker.send("wsok")
            _ = await attacker.next()
            attacker.send("bind_session\r\nLS_session=\(sessionId)&LS_password=\(otherPassword)")
            #expect(await attacker.next() == "CONERR,1,Invalid credentials")
            await attacker.close()

            // The owner, with its own credentials or none (TLCP's bind carries only the id), still gets in.
            let owner = try await StreamingTest.post(
                harness, "control", query: "LS_protocol=TLCP-2.4.0&LS_session=\(sessionId)",
                body: "LS_reqId=4&\(Self.trade)&LS_password=\(ownerPassword)")
            #expect(owner == "REQOK,4\r\n")
            let polled = try await StreamingTest.post(
                harness, "bind_session", query: "LS_protocol=TLCP-2.4.0",
                body: "LS_session=\(sessionId)&LS_polling=true&LS_polling_millis=0&LS_idle_millis=0")
            #expect(polled.hasPrefix("CONOK,\(sessionId),"))
            #expect(polled.contains("SUBOK,7,1,2"))
        }
    }

    @Test func infiniteOrNaNFrequenciesMeanUnlimited() async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, _) = try await StreamingTest.connect(harness, password: password)
            var subscription = 1
            for frequency in ["inf", "nan", "-inf", "1e999", "0"] {
                socket.send(
                    "control\r\nLS_reqId=\(subscription)&LS_op=add&LS_subId=\(subscription)&LS_mode=MERGE"
                        + "&LS_group=ACCOUNT%3AZSB01&LS_schema=FUNDS&LS_requested_max_frequency=\(frequency)")
                let conf = await socket.line(startingWith: "CONF,\(subscription),")
                #expect(conf == "CONF,\(subscription),unlimited,filtered", "\(frequency)")
                subscription += 1
            }
            socket.send("control\r\nLS_reqId=9&LS_op=reconf&LS_subId=1&LS_requested_max_frequency=inf")
            #expect(await socket.line(startingWith: "CONF,1,") == "CONF,1,unlimited,filtered")
            await socket.close()
        }
    }
}
