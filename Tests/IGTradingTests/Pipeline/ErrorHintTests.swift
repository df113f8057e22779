import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Typed errors with hints")
struct ErrorHintTests {
    @Test("Wrong password: invalid-details with the DEMO/LIVE hint (the old KeyError: CST)")
    func wrongPassword() async throws {
        try await IGSimulator.withRunning { _, url in
            var credentials = IGCredentials.simulator
            credentials.password = "wrong"
            try await withClient(url, credentials: credentials) { client in
                let error = await igError { try await client.session.login() }
                #expect(error?.code == .httpStatus)
                #expect(error?.httpStatus == 401)
                #expect(error?.errorCode == .invalidDetails)
                #expect(error?.hint?.contains("DEMO and LIVE") == true)
                #expect(error?.operation?.contains("POST /session") == true)
            }
        }
    }

    @Test("Wrong API key: api-key-invalid with the per-environment hint")
    func wrongAPIKey() async throws {
        try await IGSimulator.withRunning { _, url in
            var credentials = IGCredentials.simulator
            credentials.apiKey = "not-a-key"
            try await withClient(url, credentials: credentials) { client in
                let error = await igError { try await client.session.login() }
                #expect(error?.httpStatus == 403)
                #expect(error?.errorCode == .apiKeyInvalid)
                #expect(error?.hint?.contains("DEMO key") == true)
            }
        }
    }

    @Test("ISA/SIPP default account: stockbroking-not-supported on v2, and v3 works as the hint says")
    func stockbroking() async throws {
        try await IGSimulator.withRunning { _, url in
            let credentials = IGCredentials(identifier: "isa-user", password: "demo-password", apiKey: "demo-api-key")
            try await withClient(url, version: .v2, credentials: credentials) { client in
                let error = await igError { try await client.session.login() }
                #expect(error?.errorCode == .stockbrokingNotSupported)
                #expect(error?.hint?.contains("version 3") == true)
            }
            _ = try await withClient(url, version: .v3, credentials: credentials) { client in
                try await client.session.login()
            }
        }
    }

    @Test("KYC required")
    func kyc() async throws {
        try await IGSimulator.withRunning { _, url in
            let credentials = IGCredentials(identifier: "kyc-user", password: "demo-password", apiKey: "demo-api-key")
            try await withClient(url, credentials: credentials) { client in
                let error = await igError { try await client.session.login() }
                #expect(error?.errorCode == .kycRequired)
                #expect(error?.hint?.contains("KYC") == true)
            }
        }
    }

    @Test(
        "Allowance errors carry a hint each",
        arguments: [
            IGErrorCode.exceededApiKeyAllowance, .exceededAccountAllowance, .exceededAccountTradingAllowance,
            .exceededHistoricalDataAllowance,
        ])
    func allowances(code: IGErrorCode) async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, retryPolicy: .none) { client in
                try await client.session.login()
                await simulator.injectError(status: 403, errorCode: code.rawValue, count: 1, pathPrefix: "/markets")
                let error = await igError { _ = try await client.markets.search("FTSE") }
                #expect(error?.httpStatus == 403)
                #expect(error?.errorCode == code)
                #expect(error?.hint?.isEmpty == false)
                if code == .exceededHistoricalDataAllowance {
                    // The library's hint points at what keeps bars once paid for, not at a cache to build.
                    #expect(error?.hint?.contains("PriceCache") == true, "\(String(describing: error?.hint))")
                    #expect(error?.hint?.contains("ig history sync") == true)
                }
                // The injected error was used up; the next call works.
                #expect(try await client.markets.search("FTSE").isEmpty == false)
            }
        }
    }

    @Test("No price history for shares: unauthorised.access.to.equity.exception")
    func equity() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let found = try await client.markets.search("Vodafone") + client.markets.search("Barclays")
                let epic = try #require(found.first { $0.instrumentType == .shares }?.epic)
                let error = await igError { _ = try await client.prices.history(epic: epic, resolution: .day, max: 5) }
                #expect(error?.errorCode == .equityAccessUnauthorised)
                #expect(error?.hint?.contains("shares") == true)
            }
        }
    }

    @Test("A token error that persists after re-login surfaces with the token hint")
    func persistentTokenError() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url) { client in
                try await client.session.login()
                await simulator.injectError(
                    status: 401, errorCode: IGErrorCode.clientTokenInvalid.rawValue, count: 2, pathPrefix: "/accounts")
                let error = await igError { _ = try await client.accounts.list() }
                #expect(error?.errorCode == .clientTokenInvalid)
                #expect(error?.hint?.contains("logs in again") == true)
                #expect(await client.session.statistics.logins == 2)
            }
        }
    }

    @Test("A truncated body is a decoding error naming the endpoint, not a crash")
    func truncatedBody() async throws {
        try await IGSimulator.withRunning { _, url in
            let transport = RecordingTransport(inner: realTransport(), truncateBodiesOf: "/accounts")
            try await withClient(url, transport: transport) { client in
                let error = await igError { _ = try await client.accounts.list() }
                #expect(error?.code == .decoding)
                #expect(error?.detail?.contains("GET /accounts") == true)
                #expect(error?.operation == "GET /accounts")
            }
        }
    }

    @Test("LIVE without the explicit opt-in is refused before anything is sent")
    func liveOptIn() throws {
        #expect(throws: IGError.self) {
            _ = try IGClient(configuration: .init(environment: .live), credentials: IGCredentials.simulator)
        }
        let client = try IGClient(
            configuration: .init(environment: .live, liveTrading: .enabled), credentials: IGCredentials.simulator)
        #expect(client.configuration.environment == .live)
    }

    @Test("advice: the error's own hint first, else the hint for its IG code, else nothing")
    func advice() {
        let own = IGError(code: .httpStatus, errorCode: .invalidDetails, hint: "Said by the caller.")
        #expect(own.advice == "Said by the caller.")
        let coded = IGError(code: .httpStatus, errorCode: .invalidDetails)
        #expect(coded.advice == IGError.hint(for: .invalidDetails))
        #expect(coded.advice?.contains("DEMO and LIVE") == true)
        #expect(IGError(code: .transport).advice == nil)
    }
}
