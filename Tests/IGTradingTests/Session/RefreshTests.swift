import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Token refresh and re-login")
struct RefreshTests {
    @Test("50 concurrent calls with a due v3 token cause exactly one refresh")
    func singleFlightRefresh() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: .v3) { client in
                try await client.session.login()
                await client.sessionManager.markAccessTokenDue()
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<50 { group.addTask { try await client.accounts.list().count } }
                    for try await count in group { #expect(count == 2) }
                }
                let clientStats = await client.session.statistics
                #expect(clientStats.refreshes == 1)
                #expect(clientStats.logins == 1)
                #expect(await simulator.statistics().refreshes == 1)
            }
        }
    }

    @Test("A v3 token is refreshed before it expires, not after")
    func proactiveRefresh() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.accessTokenLifetime = .seconds(4)
        try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
            try await withClient(url, version: .v3) { client in
                try await client.session.login()
                // The margin is a quarter of the 4 s lifetime: after 3.2 s the token is due but still valid.
                try await Task.sleep(for: .milliseconds(3200))
                _ = try await client.accounts.list()
                let stats = await client.session.statistics
                #expect(stats.refreshes == 1)
                #expect(stats.rejections == 0, "the expired token must never have been sent")
                #expect(await simulator.statistics().refreshes == 1)
            }
        }
    }

    @Test("When IG rejects the refresh token, the client logs in again")
    func reloginWhenRefreshRejected() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: .v3) { client in
                try await client.session.login()
                await simulator.invalidateAllSessions()
                await client.sessionManager.markAccessTokenDue()
                #expect(try await client.accounts.list().count == 2)
                #expect(await client.session.statistics.logins == 2)
                #expect(await simulator.statistics().logins[3] == 2)
            }
        }
    }

    @Test("Invalidated tokens cause one transparent re-login and one replay", arguments: SessionVersion.allCases)
    func reloginAfterInvalidation(version: SessionVersion) async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: version) { client in
                try await client.session.login()
                await simulator.invalidateAllSessions()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 { group.addTask { _ = try await client.accounts.preferences() } }
                    try await group.waitForAll()
                }
                let stats = await client.session.statistics
                #expect(stats.logins == 2, "one re-login for 20 refused requests")
                #expect(stats.rejections == 1)
            }
        }
    }

    @Test("Expired v3 access tokens are refreshed, not re-logged")
    func expiredAccessToken() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: .v3) { client in
                try await client.session.login()
                await simulator.expireAccessTokens()
                #expect(try await client.accounts.list().count == 2)
                let stats = await client.session.statistics
                #expect(stats.logins == 1)
                #expect(stats.refreshes == 1)
            }
        }
    }
}
