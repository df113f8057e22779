import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Sessions against the simulator")
struct SessionTests {
    @Test(
        "v1 and v2 logins use CST / X-SECURITY-TOKEN and reach the default spread-bet account",
        arguments: [SessionVersion.v1, .v2])
    func certificateLogin(version: SessionVersion) async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: version) { client in
                let session = try await client.session.login()
                #expect(session.version == version)
                #expect(session.accountType == .spreadBet)
                #expect(session.accounts.count == 2)
                #expect(session.lightstreamerEndpoint?.host == url.host)
                let tokens = try await client.session.tokens()
                #expect(!tokens.clientToken.isEmpty && !tokens.accountToken.isEmpty)
                let accounts = try await client.accounts.list()
                #expect(Set(accounts.compactMap(\.accountType)) == [.spreadBet, .cfd])
                #expect(accounts.first { $0.preferred == true }?.accountId == session.accountId)
                let stats = await simulator.statistics()
                #expect(stats.logins[version.rawValue] == 1)
            }
        }
    }

    @Test("v3 login uses the OAuth bearer and the account IG returns, and can fetch CST/XST for streaming")
    func oauthLogin() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url, version: .v3) { client in
                let session = try await client.session.login()
                #expect(session.version == .v3)
                let details = try await client.session.read()
                #expect(details.accountId == session.accountId)
                let tokens = try await client.session.tokens()
                #expect(!tokens.clientToken.isEmpty)
                // After fetching CST/XST the v3 session still works through its bearer token.
                let accounts = try await client.accounts.list()
                #expect(accounts.count == 2)
                #expect(await simulator.statistics().logins[3] == 1)
            }
        }
    }

    @Test("v3 login with an explicit account sends that IG-ACCOUNT-ID", arguments: [SessionVersion.v2, .v3])
    func chosenAccount(version: SessionVersion) async throws {
        try await IGSimulator.withRunning { _, url in
            let cfdAccount = try await withClient(url) { client in
                try await client.accounts.list().first { $0.accountType == .cfd }!.accountId
            }
            try await withClient(url, version: version, accountId: cfdAccount) { client in
                let session = try await client.session.login()
                #expect(session.accountId == cfdAccount)
                #expect(try await client.session.read().accountId == cfdAccount)
            }
        }
    }

    @Test("switchAccount keeps tokens and the account header in sync", arguments: [SessionVersion.v2, .v3])
    func switchAccount(version: SessionVersion) async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url, version: version) { client in
                let session = try await client.session.login()
                let accounts = try await client.accounts.list()
                let other = try #require(accounts.first { $0.accountId != session.accountId })
                try await client.session.switchAccount(to: other.accountId)
                #expect(await client.session.current?.accountId == other.accountId)
                #expect(try await client.session.read().accountId == other.accountId)
                let error = await igError { try await client.session.switchAccount(to: other.accountId) }
                #expect(error?.errorCode == .switchAccountMustBeDifferent)
                try await client.session.switchAccount(to: session.accountId)
                #expect(try await client.session.read().accountId == session.accountId)
            }
        }
    }

    @Test("logout ends the session at IG; the next call logs in again")
    func logout() async throws {
        try await IGSimulator.withRunning { simulator, url in
            try await withClient(url) { client in
                try await client.session.login()
                try await client.session.logout()
                #expect(await client.session.current == nil)
                _ = try await client.accounts.list()
                #expect(await simulator.statistics().logins[2] == 2)
            }
        }
    }

    @Test("The first call logs in by itself")
    func implicitLogin() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                #expect(await client.session.current == nil)
                let markets = try await client.markets.search("EUR/USD")
                #expect(markets.contains { $0.epic == "CS.D.EURUSD.TODAY.IP" })
                #expect(await client.session.statistics.logins == 1)
            }
        }
    }
}
