import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// A close of nothing, the control token, and login sessions that expire.
@Suite("Hardening: close sizes, control token, session pruning")
struct SmallerHardeningTests {
    @Test func aCloseOfZeroOrLessIsRejectedAndClosesNothing() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let opened = try await harness.send(
                .POST, "/positions/otc", tokens: tokens, version: 2, body: DealingRouteTests.open)
            #expect(opened.status == 200)
            let confirm = try await harness.send(.GET, "/confirms/ROUTE-TEST-1", tokens: tokens)
            let dealId = try #require(confirm.json["dealId"]?.stringValue)
            for size in ["0", "-0.1", "\"-5\""] {
                for selection in [#""dealId":"\#(dealId)""#, #""epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB""#] {
                    let close = try await harness.send(
                        .POST, "/positions/otc", tokens: tokens, version: 1, headers: [("_method", "DELETE")],
                        body: #"{\#(selection),"direction":"SELL","size":\#(size),"orderType":"MARKET"}"#)
                    #expect(close.status == 200)
                    let reference = try #require(close.json["dealReference"]?.stringValue)
                    let closed = try await harness.send(.GET, "/confirms/\(reference)", tokens: tokens)
                    #expect(closed.json["dealStatus"]?.stringValue == "REJECTED", "size \(size)")
                    #expect(closed.json["reason"]?.stringValue == "MINIMUM_ORDER_SIZE_ERROR", "size \(size)")
                }
            }
            let positions = try await harness.send(.GET, "/positions", tokens: tokens, version: 2)
            let position = positions.json["positions"]?.arrayValue?.first?["position"]
            #expect(position?["size"] == .double(0.1), "the position is untouched")
        }
    }

    @Test func theControlTokenGuardsEverySimulatorRoute() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.controlToken = "s3cret-token"
        try await SimulatorHarness.with(configuration) { harness in
            for (method, path) in [
                (HTTPMethod.GET, "/simulator/stats"), (.POST, "/simulator/sessions/invalidate"),
                (.POST, "/simulator/streaming/drop"), (.GET, "/simulator/faults/dealing"),
            ] {
                for headers in [[], [(SimulatorConfiguration.controlTokenHeader, "wrong")]] {
                    let refused = try await harness.send(method, path, headers: headers)
                    #expect(refused.status == 401, "\(path)")
                    #expect(refused.errorCode == "error.simulator.control-token-invalid")
                }
            }
            let allowed = try await harness.send(
                .GET, "/simulator/stats", headers: [(SimulatorConfiguration.controlTokenHeader, "s3cret-token")])
            #expect(allowed.status == 200)
            let rest = try await harness.send(.GET, "/session/encryptionKey")
            #expect(rest.status == 200, "IG's own routes are not affected")
        }
        #expect(SimulatorConfiguration.makeControlToken().count == 32)
        #expect(SimulatorConfiguration.makeControlToken() != SimulatorConfiguration.makeControlToken())
        #expect(SimulatorConfiguration(host: "127.0.0.1").isLoopbackOnly)
        #expect(SimulatorConfiguration(host: "::1").isLoopbackOnly)
        #expect(!SimulatorConfiguration(host: "0.0.0.0").isLoopbackOnly)
        #expect(!SimulatorConfiguration(host: "192.168.1.10").isLoopbackOnly)
    }

    @Test func certificateSessionsDieAfterSixIdleHoursAndArePruned() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let accounts = ["ZSB01"]
        var authority = TokenAuthority(accessTokenLifetime: 60, refreshTokenLifetime: 600)
        let used = authority.openCertificateSession(identifier: "u", accountId: "ZSB01", now: start)
        let idle = authority.openCertificateSession(identifier: "u", accountId: "ZSB01", now: start)
        let credentials = { (session: TokenAuthority.LoginSession) in
            TokenAuthority.Credentials(clientToken: session.clientToken, accountToken: session.accountToken)
        }
        let fiveHours = start.addingTimeInterval(5 * 3_600)
        #expect((try? authority.authenticate(credentials(used), accounts: accounts, now: fiveHours).get()) != nil)
        authority.touch(sessionId: used.id, now: fiveHours)
        let sevenHours = start.addingTimeInterval(7 * 3_600)
        #expect((try? authority.authenticate(credentials(used), accounts: accounts, now: sevenHours).get()) != nil)
        #expect(
            authority.authenticate(credentials(idle), accounts: accounts, now: sevenHours)
                == .failure(.clientTokenInvalid))
        _ = authority.openOAuthSession(identifier: "u", accountId: "ZSB01", now: sevenHours)
        #expect(authority.sessions[idle.id] == nil, "the dead session was pruned")
        #expect(authority.sessions[used.id] != nil)
        #expect(authority.sessions.count == 2)
    }

    @Test func sessionsAreCapped() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var authority = TokenAuthority(accessTokenLifetime: 60, refreshTokenLifetime: 600)
        #expect(authority.maximumSessions == 10_000)
        authority.maximumSessions = 100
        for index in 0..<(authority.maximumSessions + 10) {
            _ = authority.openCertificateSession(
                identifier: "u", accountId: "ZSB01", now: start.addingTimeInterval(Double(index)))
        }
        #expect(authority.sessions.count == 100)
    }
}
