import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Per-minute allowance hints: the server's published numbers, never guessed ones")
struct AllowanceHintTests {
    /// Published by the simulator, not enforced (the refusals are injected).
    static func published(_ configuration: inout SimulatorConfiguration) {
        configuration.allowances = SimulatorAllowances(
            applicationOverall: 7, accountOverall: 5, accountTrading: 9, historicalDataPoints: 10_000,
            enforced: false)
    }

    @Test(
        "with the allowances the server published, the hint names them",
        arguments: [
            (IGErrorCode.exceededApiKeyAllowance, "7 a minute for this key"),
            (.exceededAccountAllowance, "5 a minute for this account"),
            (.exceededAccountTradingAllowance, "9 a minute for this account's trading requests"),
        ])
    func publishedNumbers(code: IGErrorCode, expected: String) async throws {
        var configuration = SimulatorConfiguration.testing
        Self.published(&configuration)
        try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
            try await withClient(url, rateLimiting: .automatic, retryPolicy: .none) { client in
                try await client.session.login()
                // The first request waits for the client to read the published allowances.
                _ = try await client.markets.search("FTSE")
                await simulator.injectError(status: 403, errorCode: code.rawValue, count: 1, pathPrefix: "/markets")
                let error = await igError { _ = try await client.markets.search("FTSE") }
                #expect(error?.errorCode == code)
                let hint = try #require(error?.hint)
                #expect(hint.contains(expected), "\(hint)")
                #expect(!hint.contains("60") && !hint.contains("30/min") && !hint.contains("100/min"), "\(hint)")
            }
        }
    }

    @Test(
        "without published allowances, the hint says where to read them and states no number",
        arguments: [
            IGErrorCode.exceededApiKeyAllowance, .exceededAccountAllowance, .exceededAccountTradingAllowance,
        ])
    func noNumbers(code: IGErrorCode) async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, retryPolicy: .none) { client in
                try await client.session.login()
                await simulator.injectError(status: 403, errorCode: code.rawValue, count: 1, pathPrefix: "/markets")
                let error = await igError { _ = try await client.markets.search("FTSE") }
                let hint = try #require(error?.hint)
                #expect(hint.contains("`ig apps`"), "\(hint)")
                #expect(hint.rangeOfCharacter(from: .decimalDigits) == nil, "\(hint)")
                #expect(IGError.hint(for: code) == hint)
            }
        }
    }
}
