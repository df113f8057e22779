import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Authentication errors over HTTP")
struct AuthenticationTests {
    @Test func apiKeyIsCheckedOnEveryRoute() async throws {
        try await SimulatorHarness.with { sim in
            for (method, path) in [
                (HTTPMethod.POST, "/session"), (.GET, "/session/encryptionKey"), (.GET, "/accounts"),
            ] {
                let missing = try await sim.send(method, path, body: "{}", apiKey: .some(nil))
                #expect(missing.status == 400 && missing.errorCode == "error.security.api-key-missing", "\(path)")
                let wrong = try await sim.send(method, path, body: "{}", apiKey: "wrong-key")
                #expect(wrong.status == 403 && wrong.errorCode == "error.security.api-key-invalid", "\(path)")
                #expect(wrong.header("Date") != nil)
            }
        }
    }

    @Test func tokenErrorCodes() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let cst = tokens.headers[0].1
            let cases: [([(String, String)], String)] = [
                ([], "error.security.client-token-missing"),
                ([("CST", cst)], "error.security.account-token-missing"),
                ([("CST", "bogus"), ("X-SECURITY-TOKEN", "bogus")], "error.security.client-token-invalid"),
                ([("CST", cst), ("X-SECURITY-TOKEN", "bogus")], "error.security.account-token-invalid"),
                (
                    [("Authorization", "Bearer bogus"), ("IG-ACCOUNT-ID", "ZSB01")],
                    "error.security.oauth-token-invalid"
                ),
            ]
            for (headers, code) in cases {
                let result = try await sim.send(.GET, "/accounts", headers: headers)
                #expect(result.status == 401, "\(code)")
                #expect(result.errorCode == code)
            }
            #expect(await sim.simulator.statistics().authenticationFailures == cases.count)
        }
    }

    @Test func bothCredentialSetsMayBeSentAndEitherAuthenticates() async throws {
        try await SimulatorHarness.with { sim in
            let certificate = try await sim.login()
            let (oauth, _) = try await sim.loginV3()
            let stalePair = [("CST", "stale"), ("X-SECURITY-TOKEN", "stale")]
            #expect(try await sim.send(.GET, "/accounts", tokens: oauth, headers: stalePair).status == 200)
            let staleBearer = [("Authorization", "Bearer stale")]
            #expect(try await sim.send(.GET, "/accounts", tokens: certificate, headers: staleBearer).status == 200)
        }
    }

    @Test func invalidateAllSessionsKillsEveryToken() async throws {
        try await SimulatorHarness.with { sim in
            let certificate = try await sim.login()
            let (oauth, _) = try await sim.loginV3()
            let admin = try await sim.send(.POST, "/simulator/sessions/invalidate", apiKey: .some(nil))
            #expect(admin.status == 200)
            #expect(
                try await sim.send(.GET, "/accounts", tokens: certificate).errorCode
                    == "error.security.client-token-invalid")
            #expect(
                try await sim.send(.GET, "/accounts", tokens: oauth).errorCode == "error.security.oauth-token-invalid")
        }
    }

    @Test func loginFailures() async throws {
        try await SimulatorHarness.with { sim in
            func login(
                _ identifier: String, _ password: String = "demo-password", version: Int = 2
            ) async throws
                -> HTTPResult
            {
                try await sim.send(
                    .POST, "/session", version: version,
                    body: #"{"identifier":"\#(identifier)","password":"\#(password)"}"#)
            }
            let wrongPassword = try await login("demo-user", "nope")
            #expect(wrongPassword.status == 401 && wrongPassword.errorCode == "error.security.invalid-details")
            let unknownUser = try await login("someone-else")
            #expect(unknownUser.status == 401 && unknownUser.errorCode == "error.security.invalid-details")
            let email = try await login("someone@example.com")
            #expect(email.status == 400)
            #expect(email.errorCode == "validation.pattern.invalid.authenticationRequest.identifier")

            let isa = try await login("isa-user")
            #expect(isa.status == 403 && isa.errorCode == "error.public-api.failure.stockbroking-not-supported")
            #expect(try await login("isa-user", version: 3).status == 200)
            let kyc = try await login("kyc-user", version: 3)
            #expect(kyc.status == 401 && kyc.errorCode == "error.public-api.failure.kyc.required")
            let encrypt = try await login("encrypt-user")
            #expect(encrypt.status == 400 && encrypt.errorCode == "error.public-api.failure.encryption.required")
            let malformed = try await sim.send(.POST, "/session", version: 2, body: "{nope")
            #expect(malformed.status == 400 && malformed.errorCode == "invalid.input")
            #expect(await sim.simulator.statistics().failedLogins == 7)
        }
    }
}

@Suite("Transport conventions")
struct TransportTests {
    @Test func trailingSlashesAndEncodedSegmentsRouteAlike() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            #expect(try await sim.send(.GET, "/accounts/", tokens: tokens).status == 200)
            let encoded = try await sim.send(.GET, "/markets/CS%2ED%2EEURUSD%2ETODAY%2EIP/", tokens: tokens, version: 3)
            #expect(encoded.status == 200)
            #expect(encoded.json["instrument"]?["epic"] == "CS.D.EURUSD.TODAY.IP")
        }
    }

    @Test func unknownPathsAnswerInvalidURL() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let unknown = try await sim.send(.GET, "/no/such/thing", tokens: tokens)
            #expect(unknown.status == 404 && unknown.errorCode == "invalid.url")
            #expect(unknown.header("Date") != nil)
        }
    }

    @Test func injectedErrorsHitMatchingRequestsOnly() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            await sim.simulator.injectError(status: 503, errorCode: "system.error", count: 2, pathPrefix: "/accounts")
            #expect(try await sim.send(.GET, "/session", tokens: tokens).status == 200)
            #expect(try await sim.send(.GET, "/accounts", tokens: tokens).status == 503)
            #expect(try await sim.send(.GET, "/accounts/preferences", tokens: tokens).errorCode == "system.error")
            #expect(try await sim.send(.GET, "/accounts", tokens: tokens).status == 200)

            let armed = try await sim.send(
                .POST, "/simulator/errors",
                body: #"{"status":403,"errorCode":"error.public-api.exceeded-account-allowance"}"#,
                apiKey: .some(nil))
            #expect(armed.status == 200)
            #expect(
                try await sim.send(.GET, "/simulator/stats", apiKey: .some(nil)).status == 200,
                "admin routes are exempt")
            let hit = try await sim.send(.GET, "/markets/CS.D.EURUSD.TODAY.IP", tokens: tokens)
            #expect(hit.status == 403 && hit.errorCode == "error.public-api.exceeded-account-allowance")
            let stats = try await sim.send(.GET, "/simulator/stats", apiKey: .some(nil))
            #expect(stats.json["injectedErrors"] == 3)
            #expect(stats.json["logins"]?["2"] == 1)
        }
    }

    @Test func expireAccessTokensOverHTTP() async throws {
        try await SimulatorHarness.with { sim in
            let (oauth, _) = try await sim.loginV3()
            #expect(try await sim.send(.POST, "/simulator/tokens/expire", apiKey: .some(nil)).status == 200)
            #expect(
                try await sim.send(.GET, "/accounts", tokens: oauth).errorCode == "error.security.oauth-token-invalid")
        }
    }

    @Test func startAndShutdownCanRepeat() async throws {
        let simulator = try IGSimulator(configuration: SimulatorConfiguration(port: 0))
        #expect(simulator.baseURL == nil)
        let first = try await simulator.start()
        #expect(simulator.baseURL == first)
        #expect(simulator.restBaseURL?.absoluteString == first.absoluteString + "/gateway/deal")
        await #expect(throws: SimulatorLifecycleError.alreadyRunning) { _ = try await simulator.start() }
        try await simulator.shutdown()
        #expect(simulator.baseURL == nil)
        let second = try await simulator.start()
        #expect(second.port != nil)
        try await simulator.shutdown()
        try await simulator.shutdown()
    }

    @Test func runStopsWhenItsTaskIsCancelled() async throws {
        let simulator = try IGSimulator(configuration: SimulatorConfiguration(port: 0))
        let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
        let task = Task { try await simulator.run { continuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        let url = try #require(await iterator.next())
        #expect(simulator.baseURL == url)
        task.cancel()
        _ = await task.result
        #expect(simulator.baseURL == nil)
    }

    @Test func environmentConfiguration() {
        let configuration = SimulatorConfiguration.fromEnvironment([
            "IG_SIM_USER": "alice", "IG_SIM_PASSWORD": "secret", "IG_SIM_API_KEY": "key-1",
        ])
        #expect(configuration.identifier == "alice")
        #expect(configuration.password == "secret")
        #expect(configuration.apiKey == "key-1")
        #expect(configuration.port == 8470 && configuration.host == "127.0.0.1")
        #expect(!configuration.description.contains("secret") && !configuration.description.contains("key-1"))
        #expect(SimulatorConfiguration.fromEnvironment([:]) == SimulatorConfiguration())
    }
}
