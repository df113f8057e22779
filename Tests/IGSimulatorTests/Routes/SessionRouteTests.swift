import AsyncHTTPClient
import CryptoExtras
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Session routes over HTTP")
struct SessionRouteTests {
    @Test(arguments: [1, 2])
    func certificateLoginShape(version: Int) async throws {
        try await SimulatorHarness.with { sim in
            let result = try await sim.send(
                .POST, "/session", headers: [("VERSION", String(version))],
                body: #"{"identifier":"demo-user","password":"demo-password"}"#)
            #expect(result.status == 200)
            #expect(result.header("CST")?.isEmpty == false)
            #expect(result.header("X-SECURITY-TOKEN")?.isEmpty == false)
            #expect(result.header("Date") != nil)
            #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
            let body = result.json
            #expect(
                body.keySet == [
                    "accountType", "accountInfo", "currencyIsoCode", "currencySymbol", "currentAccountId",
                    "lightstreamerEndpoint", "accounts", "clientId", "timezoneOffset", "hasActiveDemoAccounts",
                    "hasActiveLiveAccounts", "trailingStopsEnabled", "reroutingEnvironment", "dealingEnabled",
                ])
            #expect(body["accountType"] == "SPREADBET")
            #expect(body["currentAccountId"]?.stringValue == IGSimulator.spreadBetAccountId)
            #expect(body["lightstreamerEndpoint"]?.stringValue == sim.baseURL.absoluteString)
            #expect(body["reroutingEnvironment"] == .null)
            #expect(body["accountInfo"]?.keySet == ["balance", "deposit", "profitLoss", "available"])
            #expect((body["accountInfo"]?["balance"]?.doubleValue ?? 0) > 0)
            let accounts = body["accounts"]?.elements ?? []
            #expect(accounts.count == 2)
            #expect(accounts.map { $0["accountType"]?.stringValue } == ["SPREADBET", "CFD"])
            #expect(accounts.map { $0["preferred"] } == [true, false])
            #expect(body["timezoneOffset"]?.intValue.map { [0, 1].contains($0) } == true)
        }
        let statistics = try await Self.statisticsAfterLogin(version: version)
        #expect(statistics.logins[version] == 1)
    }

    static func statisticsAfterLogin(version: Int) async throws -> SimulatorStatistics {
        var statistics = SimulatorStatistics()
        try await SimulatorHarness.with { sim in
            _ = try await sim.login(version: version)
            statistics = await sim.simulator.statistics()
        }
        return statistics
    }

    @Test func oauthLoginShapeHasNoSessionTokens() async throws {
        try await SimulatorHarness.with { sim in
            let result = try await sim.send(
                .POST, "/session", version: 3, body: #"{"identifier":"demo-user","password":"demo-password"}"#)
            #expect(result.status == 200)
            #expect(result.header("CST") == nil)
            #expect(result.header("X-SECURITY-TOKEN") == nil)
            let body = result.json
            #expect(body.keySet == ["clientId", "accountId", "timezoneOffset", "lightstreamerEndpoint", "oauthToken"])
            let token = try #require(body["oauthToken"])
            #expect(token.keySet == ["access_token", "refresh_token", "scope", "token_type", "expires_in"])
            #expect(token["scope"] == "profile")
            #expect(token["token_type"] == "Bearer")
            #expect(token["expires_in"] == .string("60"), "expires_in is a string")
        }
    }

    @Test func versionHeaderIsCaseInsensitiveAndDefaultsToOne() async throws {
        try await SimulatorHarness.with { sim in
            for header in ["version", "VERSION", "Version"] {
                let result = try await sim.send(
                    .POST, "/session", headers: [(header, "3")],
                    body: #"{"identifier":"demo-user","password":"demo-password"}"#)
                #expect(result.json["oauthToken"] != nil, "\(header)")
            }
            let result = try await sim.send(
                .POST, "/session", body: #"{"identifier":"demo-user","password":"demo-password"}"#)
            #expect(result.header("CST") != nil)
            #expect(await sim.simulator.statistics().logins[1] == 1)
        }
    }

    @Test(arguments: [#"true"#, #""true""#])
    func encryptedPasswordRoundTrip(flag: String) async throws {
        try await SimulatorHarness.with { sim in
            let keyResult = try await sim.send(.GET, "/session/encryptionKey")
            #expect(keyResult.status == 200)
            let keyText = try #require(keyResult.json["encryptionKey"]?.stringValue)
            guard case .int(let timeStamp) = keyResult.json["timeStamp"] else {
                Issue.record("timeStamp is not a number")
                return
            }
            let publicKey = try _RSA.Encryption.PublicKey(derRepresentation: try #require(Data(base64Encoded: keyText)))
            let plaintext = "demo-password|\(timeStamp)"
            let inner = Data(plaintext.utf8).base64EncodedString()
            let ciphertext = try publicKey.encrypt(Data(inner.utf8), padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
                .base64EncodedString()
            #expect(sim.simulator.decryptPassword(ciphertext) == plaintext)
            let login = try await sim.send(
                .POST, "/session", version: 2,
                body: #"{"identifier":"demo-user","password":"\#(ciphertext)","encryptedPassword":\#(flag)}"#)
            #expect(login.status == 200)
            #expect(login.header("CST") != nil)
            // The same ciphertext sent as a plain password is just a wrong password.
            let plain = try await sim.send(
                .POST, "/session", version: 2, body: #"{"identifier":"demo-user","password":"\#(ciphertext)"}"#)
            #expect(plain.status == 401)
            #expect(plain.errorCode == "error.security.invalid-details")
            #expect(await sim.simulator.statistics().encryptedLogins == 1)
        }
    }

    @Test func passwordsContainingBarsSplitOnTheLastBar() async throws {
        try await SimulatorHarness.with(SimulatorConfiguration(password: "pa|ss|word")) { sim in
            let key = try await sim.send(.GET, "/session/encryptionKey")
            let publicKey = try _RSA.Encryption.PublicKey(
                derRepresentation: Data(base64Encoded: key.json["encryptionKey"]!.stringValue!)!)
            let inner = Data("pa|ss|word|123".utf8).base64EncodedString()
            let ciphertext = try publicKey.encrypt(Data(inner.utf8), padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
            let login = try await sim.send(
                .POST, "/session", version: 2,
                body:
                    #"{"identifier":"demo-user","password":"\#(ciphertext.base64EncodedString())","encryptedPassword":true}"#
            )
            #expect(login.status == 200)
        }
    }

    @Test func readSessionAndFetchSessionTokens() async throws {
        try await SimulatorHarness.with { sim in
            let (oauth, _) = try await sim.loginV3()
            let plain = try await sim.send(.GET, "/session", tokens: oauth)
            #expect(plain.status == 200)
            #expect(plain.header("CST") == nil, "a plain GET /session must not carry tokens")
            #expect(
                plain.json.keySet == [
                    "clientId", "accountId", "timezoneOffset", "locale", "currency", "lightstreamerEndpoint",
                ])
            #expect(plain.json["accountId"]?.stringValue == IGSimulator.spreadBetAccountId)

            let fetched = try await sim.send(.GET, "/session?fetchSessionTokens=true", tokens: oauth)
            let cst = try #require(fetched.header("CST"))
            let xst = try #require(fetched.header("X-SECURITY-TOKEN"))
            let viaCST = try await sim.send(
                .GET, "/accounts", tokens: SessionTokens(headers: [("CST", cst), ("X-SECURITY-TOKEN", xst)]))
            #expect(viaCST.status == 200)

            let certificate = try await sim.login()
            let again = try await sim.send(.GET, "/session?fetchSessionTokens=true", tokens: certificate)
            #expect(again.header("CST") == certificate.headers[0].1)
        }
    }

    @Test func switchAccountIssuesNewSecurityToken() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let switched = try await sim.send(
                .PUT, "/session", tokens: tokens,
                body: #"{"accountId":"\#(IGSimulator.cfdAccountId)","defaultAccount":false}"#)
            #expect(switched.status == 200)
            #expect(
                switched.json.keySet == [
                    "trailingStopsEnabled", "dealingEnabled", "hasActiveDemoAccounts", "hasActiveLiveAccounts",
                ])
            let cst = try #require(switched.header("CST"))
            let xst = try #require(switched.header("X-SECURITY-TOKEN"))
            #expect(xst != tokens.headers[1].1)
            let cfd = SessionTokens(headers: [("CST", cst), ("X-SECURITY-TOKEN", xst)])
            #expect(
                try await sim.send(.GET, "/session", tokens: cfd).json["accountId"]?.stringValue
                    == IGSimulator.cfdAccountId)
            let old = try await sim.send(.GET, "/session", tokens: tokens)
            #expect(old.status == 401 && old.errorCode == "error.security.account-token-invalid")

            let same = try await sim.send(
                .PUT, "/session", tokens: cfd, body: #"{"accountId":"\#(IGSimulator.cfdAccountId)"}"#)
            #expect(same.errorCode == "error.switch.accountId-must-be-different")
            let unknown = try await sim.send(.PUT, "/session", tokens: cfd, body: #"{"accountId":"NOPE"}"#)
            #expect(unknown.status == 400 && unknown.errorCode == "error.switch.invalid-accountId")

            // defaultAccount moves the preferred account for later logins.
            _ = try await sim.send(
                .PUT, "/session", tokens: cfd,
                body: #"{"accountId":"\#(IGSimulator.spreadBetAccountId)","defaultAccount":"false"}"#)
            let login = try await sim.send(
                .POST, "/session", version: 2, body: #"{"identifier":"demo-user","password":"demo-password"}"#)
            #expect(login.json["currentAccountId"]?.stringValue == IGSimulator.spreadBetAccountId)
        }
    }

    @Test func logoutViaMethodOverrideInvalidatesTokens() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let logout = try await sim.send(
                .POST, "/session", tokens: tokens, headers: [("_method", "DELETE")], body: "{}")
            #expect(logout.status == 204)
            #expect(logout.body.isEmpty)
            let after = try await sim.send(.GET, "/accounts", tokens: tokens)
            #expect(after.status == 401 && after.errorCode == "error.security.client-token-invalid")

            let second = try await sim.login()
            let realDelete = try await sim.send(.DELETE, "/session", tokens: second)
            #expect(realDelete.status == 204)
            #expect(await sim.simulator.statistics().logouts == 2)
        }
    }

    @Test func refreshWorksWithExpiredAccessTokenAndRejectsDeadRefreshTokens() async throws {
        try await SimulatorHarness.with { sim in
            let (oauth, token) = try await sim.loginV3()
            await sim.simulator.expireAccessTokens()
            let expired = try await sim.send(.GET, "/accounts", tokens: oauth)
            #expect(expired.status == 401 && expired.errorCode == "error.security.oauth-token-invalid")

            let refreshToken = try #require(token["refresh_token"]?.stringValue)
            let refreshed = try await sim.send(
                .POST, "/session/refresh-token", tokens: oauth, body: #"{"refresh_token":"\#(refreshToken)"}"#)
            #expect(refreshed.status == 200)
            #expect(refreshed.json.keySet == ["access_token", "refresh_token", "scope", "token_type", "expires_in"])
            let access = try #require(refreshed.json["access_token"]?.stringValue)
            let newRefresh = try #require(refreshed.json["refresh_token"]?.stringValue)
            #expect(newRefresh != refreshToken)
            let renewed = SessionTokens(headers: [
                ("Authorization", "Bearer \(access)"), ("IG-ACCOUNT-ID", IGSimulator.spreadBetAccountId),
            ])
            #expect(try await sim.send(.GET, "/accounts", tokens: renewed).status == 200)

            // Without any bearer, and with the old refresh token: 401.
            let stale = try await sim.send(
                .POST, "/session/refresh-token", body: #"{"refresh_token":"\#(refreshToken)"}"#)
            #expect(stale.status == 401 && stale.errorCode == "error.security.oauth-token-invalid")
            await sim.simulator.invalidateAllSessions()
            let wiped = try await sim.send(
                .POST, "/session/refresh-token", body: #"{"refresh_token":"\#(newRefresh)"}"#)
            #expect(wiped.status == 401)
            let statistics = await sim.simulator.statistics()
            #expect(statistics.refreshes == 1 && statistics.failedRefreshes == 2)
        }
    }

    @Test func configuredLifetimesAppearInTokens() async throws {
        let configuration = SimulatorConfiguration(accessTokenLifetime: .seconds(5), refreshTokenLifetime: .seconds(30))
        try await SimulatorHarness.with(configuration) { sim in
            let (_, token) = try await sim.loginV3()
            #expect(token["expires_in"] == .string("5"))
        }
    }
}
