import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Retry policy")
struct RetryTests {
    @Test("A read survives transient 5xx and allowance errors within its attempts")
    func readsAreRetried() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url) { client in
                try await client.session.login()
                await simulator.injectError(status: 503, errorCode: "system.error", count: 1, pathPrefix: "/accounts")
                await simulator.injectError(
                    status: 403, errorCode: IGErrorCode.exceededAccountAllowance.rawValue, count: 1,
                    pathPrefix: "/accounts")
                #expect(try await client.accounts.list().count == 2)
                #expect(await simulator.statistics().injectedErrors == 2)
            }
        }
    }

    @Test("Reads give up after maxAttempts")
    func boundedAttempts() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10))) {
                client in
                try await client.session.login()
                await simulator.injectError(status: 500, errorCode: "system.error", count: 5, pathPrefix: "/accounts")
                let error = await igError { _ = try await client.accounts.list() }
                #expect(error?.httpStatus == 500)
                #expect(await simulator.statistics().injectedErrors == 2)
            }
        }
    }

    @Test("A write is never retried, whatever the error")
    func writesAreNotRetried() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url) { client in
                try await client.session.login()
                await simulator.injectError(
                    status: 500, errorCode: "system.error", count: 3, pathPrefix: "/accounts/preferences")
                let error = await igError { try await client.accounts.updatePreferences(trailingStopsEnabled: true) }
                #expect(error?.httpStatus == 500)
                #expect(await simulator.statistics().injectedErrors == 1, "sent exactly once")
            }
        }
    }

    @Test("The historical allowance is never retried")
    func historicalNotRetried() {
        let error = IGError(code: .httpStatus, httpStatus: 403, errorCode: .exceededHistoricalDataAllowance)
        #expect(!RetryPolicy.isRetryable(error))
        #expect(RetryPolicy.isRetryable(IGError(code: .timeout)))
    }

    @Test("Backoff grows, is capped, has bounded jitter and honours Retry-After")
    func backoff() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(300), jitter: 0.2)
        let error = IGError(code: .transport)
        #expect(policy.backoff(after: 1, error: error, random: 0.5) == .milliseconds(100))
        #expect(policy.backoff(after: 2, error: error, random: 0.5) == .milliseconds(200))
        #expect(policy.backoff(after: 5, error: error, random: 0.5) == .milliseconds(300))
        #expect(policy.backoff(after: 1, error: error, random: 0) == .milliseconds(80))
        #expect(policy.backoff(after: 1, error: error, random: 1) == .milliseconds(120))
        var limited = error
        limited.retryAfter = .seconds(7)
        #expect(policy.backoff(after: 1, error: limited) == .seconds(7))
    }
}
