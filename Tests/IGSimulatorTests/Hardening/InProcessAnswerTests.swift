import Foundation
import NIOHTTP1
import Testing

@_spi(Fuzzing) @testable import IGSimulator

/// The door the request fuzzer (`Fuzz/Sources/FuzzSimulator`) goes through answers as the HTTP server does, so what
/// the fuzzer finds is what a client over a socket would find.
@Suite("Hardening: the in-process door the fuzzer uses")
struct InProcessAnswerTests {
    @Test func restAnswersMatchTheServersOverLoopback() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let headers = tokens.headers + [("X-IG-API-KEY", harness.apiKey)]
            let cases: [(HTTPMethod, String, Int?, String?)] = [
                (.GET, "/positions", 2, nil),
                (.GET, "/markets?epics=CS.D.EURUSD.TODAY.IP,UNKNOWN.EPIC", 2, nil),
                (.GET, "/prices/CS.D.EURUSD.TODAY.IP?resolution=DAY&max=3&pageSize=9223372036854775807", 3, nil),
                (.POST, "/positions/otc", 2, #"{"epic":"CS.D.EURUSD.TODAY.IP","size":"1,5"}"#),
                (.GET, "/history/activity?filter=" + String(repeating: "(", count: 100), 3, nil),
                (.GET, "/session", Int?.none, nil),
                (.GET, "/no/such/route", 1, nil),
            ]
            for (method, path, version, body) in cases {
                let overHTTP = try await harness.send(method, path, tokens: tokens, version: version, body: body)
                var inHeaders = headers
                if let version { inHeaders.append(("Version", String(version))) }
                if body != nil { inHeaders.append(("Content-Type", "application/json")) }
                let inProcess = harness.simulator.answerInProcess(
                    method: method.rawValue, target: "/gateway/deal" + path, headers: inHeaders,
                    body: Array((body ?? "").utf8))
                #expect(inProcess.status == overHTTP.status, "\(method) \(path)")
                let httpJSON = try? JSONSerialization.jsonObject(with: overHTTP.body) as? [String: Any]
                let inJSON = try? JSONSerialization.jsonObject(with: Data(inProcess.body)) as? [String: Any]
                #expect(
                    httpJSON?["errorCode"] as? String == inJSON?["errorCode"] as? String, "\(method) \(path)")
            }
        }
    }

    @Test func aRefusedLoginAndAnOversizedBodyAnswerAsOverHTTP() throws {
        let simulator = try IGSimulator(configuration: SimulatorConfiguration())
        let wrong = simulator.answerInProcess(
            method: "POST", target: "/gateway/deal/session",
            headers: [("X-IG-API-KEY", simulator.configuration.apiKey), ("Version", "2")],
            body: Array(#"{"identifier":"\#(simulator.configuration.identifier)","password":"nope"}"#.utf8))
        #expect(wrong.status == 401)
        #expect(String(decoding: wrong.body, as: UTF8.self).contains("error.security.invalid-details"))
        let huge = simulator.answerInProcess(
            method: "POST", target: "/gateway/deal/session", headers: [],
            body: [UInt8](repeating: 0x5B, count: (1 << 20) + 1))
        #expect(huge.status == 413)
    }

    @Test func lightstreamerControlRequestsReachALoggedInSession() throws {
        let simulator = try IGSimulator(configuration: SimulatorConfiguration())
        let configuration = simulator.configuration
        let login = simulator.answerInProcess(
            method: "POST", target: "/gateway/deal/session",
            headers: [("X-IG-API-KEY", configuration.apiKey), ("Version", "2")],
            body: Array(#"{"identifier":"\#(configuration.identifier)","password":"\#(configuration.password)"}"#.utf8))
        #expect(login.status == 200)
        let cst = try #require(login.headers.first { $0.0 == "CST" }?.1)
        let token = try #require(login.headers.first { $0.0 == "X-SECURITY-TOKEN" }?.1)
        let password = "CST-\(cst)|XST-\(token)"
        #expect(
            simulator.openStreamSessionInProcess(user: IGSimulator.spreadBetAccountId, password: "CST-x|XST-y") == nil)
        let session = try #require(
            simulator.openStreamSessionInProcess(user: IGSimulator.spreadBetAccountId, password: password))
        let encoded = try #require(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let credentials = "LS_session=\(session)&LS_user=\(IGSimulator.spreadBetAccountId)&LS_password=\(encoded)"
        let subscribe = simulator.answerInProcess(
            method: "POST", target: "/lightstreamer/control.txt?" + credentials, headers: [],
            body: Array(
                "LS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE&LS_group=MARKET:CS.D.EURUSD.TODAY.IP&LS_schema=BID+OFFER"
                    .utf8))
        #expect(String(decoding: subscribe.body, as: UTF8.self).hasPrefix("REQOK,1"))
        let stranger = simulator.answerInProcess(
            method: "POST", target: "/lightstreamer/control.txt?LS_session=\(session)&LS_user=x&LS_password=y",
            headers: [], body: Array("LS_reqId=2&LS_op=destroy".utf8))
        #expect(String(decoding: stranger.body, as: UTF8.self).hasPrefix("REQERR,2,20"))
    }
}
