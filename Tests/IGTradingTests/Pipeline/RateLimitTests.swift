import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

@Suite("Rate limits and allowances")
struct RateLimitTests {
    /// A simulator that enforces small allowances over a short window, so pacing shows within seconds.
    static func limited(
        app: Int = 1_000, account: Int, trading: Int = 1_000, historical: Int = 10_000, window: Duration = .seconds(2)
    ) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        var allowances = SimulatorAllowances(
            applicationOverall: app, accountOverall: account, accountTrading: trading, historicalDataPoints: historical)
        allowances.window = window
        configuration.allowances = allowances
        return configuration
    }

    static let pacedClient = RateLimiting(source: .automatic(fallback: .igLive), window: .seconds(2))

    @Test("The client reads IG's allowances and paces 20 concurrent reads without one allowance error")
    func pacedReads() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 5)) { simulator, url in
            try await withClient(url, rateLimiting: Self.pacedClient, retryPolicy: .none) { client in
                try await client.session.login()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 { group.addTask { _ = try await client.accounts.preferences() } }
                    try await group.waitForAll()
                }
                let status = await client.rateLimits.status()
                #expect(status.allowances?.accountOverall == 5, "learnt from /operations/application")
                #expect(status.account?.limit == 5)
                #expect((status.account?.waits ?? 0) > 0, "the limiter had to hold requests back")
                #expect(await simulator.statistics().allowanceErrors == 0)
            }
        }
    }

    @Test("Without the limiter the same load trips the allowance (the simulator enforces it)")
    func unpacedReadsTrip() async throws {
        // A one-minute window: the ten reads fall inside it however slow the machine is.
        try await IGSimulator.withRunning(configuration: Self.limited(account: 5, window: .seconds(60))) {
            simulator, url in
            try await withClient(url, rateLimiting: .disabled, retryPolicy: .none) { client in
                try await client.session.login()
                var refused = 0
                for _ in 0..<10 {
                    do { _ = try await client.accounts.preferences() } catch let error as IGError {
                        #expect(error.errorCode == .exceededAccountAllowance)
                        refused += 1
                    }
                }
                #expect(refused == 5)
                #expect(await simulator.statistics().allowanceErrors == 5)
            }
        }
    }

    @Test("Every page of a paged request takes a token")
    func pagesTakeTokens() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 1_000)) { simulator, url in
            try await withClient(url, rateLimiting: Self.pacedClient) { client in
                try await client.session.login()
                _ = try await client.accounts.preferences()
                let before = await client.rateLimits.status().account?.granted ?? 0
                let prices = try await client.prices.history(
                    epic: "CS.D.EURUSD.TODAY.IP", resolution: .minute, max: 25, pageSize: 10)
                #expect(prices.bars.count == 25)
                let after = await client.rateLimits.status().account?.granted ?? 0
                #expect(after - before == 3, "three pages, three requests counted")
                #expect(await simulator.statistics().priceRequests == 3)
                #expect(after == (await simulator.statistics().requests) - 1, "every request but the login counted")
            }
        }
    }

    @Test("The historical allowance is checked before sending")
    func historicalPreCheck() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 1_000, historical: 100)) {
            simulator, url in
            try await withClient(url, rateLimiting: Self.pacedClient) { client in
                let first = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 60)
                #expect(first.allowance?.remainingAllowance == 40)
                let error = await igError {
                    _ = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 50)
                }
                #expect(error?.code == .allowanceExhausted)
                #expect(error?.detail?.contains("40 of 100 remain") == true)
                // The reset is told as every other time is: ISO 8601 with a Z, not Date's "+0000" description.
                let detail = error?.detail ?? ""
                #expect(
                    detail.range(of: #"until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil,
                    "\(detail)")
                #expect(await simulator.statistics().priceRequests == 1, "the refused request was never sent")
                let status = await client.rateLimits.status()
                #expect(status.historical?.remaining == 40)
            }
        }
    }

    @Test("The simulator refuses a price request beyond the weekly points")
    func historicalEnforcedByServer() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 1_000, historical: 30)) { _, url in
            try await withClient(url, rateLimiting: .disabled) { client in
                _ = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 20)
                let error = await igError {
                    _ = try await client.prices.history(epic: "IX.D.FTSE.DAILY.IP", resolution: .day, max: 20)
                }
                #expect(error?.errorCode == .exceededHistoricalDataAllowance)
            }
        }
    }

    @Test("Trading and non-trading requests count against different windows")
    func classes() {
        #expect(IGRequest(.post, "/positions/otc", body: Data("{}".utf8)).kind == .trading)
        #expect(IGRequest(.delete, "/positions/otc", body: Data("{}".utf8)).kind == .trading)
        #expect(IGRequest(.put, "/workingorders/otc/DIAAAA", body: Data("{}".utf8)).kind == .trading)
        #expect(IGRequest(.get, "/positions").kind == .nonTrading)
        #expect(IGRequest(.get, "/confirms/REF").kind == .nonTrading)
        #expect(IGRequest(.post, "/session", body: Data("{}".utf8)).kind == .session)
        #expect(IGRequest(.post, "/session/refresh-token", body: Data("{}".utf8)).kind == .session)
    }

    @Test("A waiting request is cancelled promptly and gives its place back")
    func cancellation() async throws {
        let window = RequestWindow(name: "test", window: .seconds(600))
        _ = try await window.acquire(limit: 1)
        await window.release()
        let waiter = Task { try await window.acquire(limit: 1) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        let usage = await window.usage
        #expect(usage.used == 1, "only the first request counts")
        #expect(usage.granted == 1)
    }

    @Test("After shutdown nothing keeps a client alive: no background task, timer or thread")
    func nothingLeftRunning() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 3)) { _, url in
            weak var released: IGClient?
            do {
                let configuration = IGClient.Configuration(
                    environment: .custom(url), rateLimiting: Self.pacedClient, retryPolicy: .none)
                let client = try IGClient(configuration: configuration, credentials: IGCredentials.simulator)
                released = client
                // Five concurrent reads against three slots, with no login before them: two had to wait in the limiter,
                // however slow the machine, and the four that waited for the first one's login count against the
                // account too (they used to be sent as if no account were known, and IG refused them).
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<5 { group.addTask { _ = try await client.accounts.preferences() } }
                    try await group.waitForAll()
                }
                #expect((await client.rateLimits.status().account?.waits ?? 0) >= 1)
                try await client.shutdown()
            }
            #expect(released == nil, "the client was freed: nothing still references it")
        }
    }

    @Test("A simulator restarted on the same port is paced by its own allowances, not by a previous one's")
    func reusedPort() async throws {
        // The process-wide windows are found by server address. Parallel tests start simulators on ports the kernel
        // hands out again, so nothing one server published may carry over to the next on the same port.
        let first = Self.limited(account: 1_000, historical: 100, window: .seconds(60))
        let port = try await IGSimulator.withRunning(configuration: first) { _, url in
            try await withClient(url, rateLimiting: .automatic) { client in
                let prices = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 60)
                #expect(prices.allowance?.remainingAllowance == 40)
                #expect(await client.rateLimits.status().account?.limit == 1_000)
            }
            return try #require(url.port)
        }
        var second = Self.limited(account: 5, window: .seconds(60))
        second.port = port
        try await Self.running(second) { simulator, url in
            try await withClient(url, rateLimiting: .automatic) { client in
                try await client.session.login()
                // The previous server's 40 remaining points are not this one's: nothing refuses the request.
                let prices = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 50)
                #expect(prices.bars.count == 50)
                #expect(await client.rateLimits.status().account?.limit == 5, "learnt from this server")
                #expect(await simulator.statistics().allowanceErrors == 0)
            }
        }
        var third = SimulatorConfiguration(port: port)
        third.allowances.window = .seconds(60)
        try await Self.running(third) { _, url in
            try await withClient(url) { client in
                _ = try await client.accounts.preferences()
                let account = await client.rateLimits.status().account
                #expect(account?.limit == IGAllowances.testing.accountOverall, "the allowance this client was given")
                #expect(account?.waits == 0, "five requests of the previous server hold nothing back")
            }
        }
    }

    /// Runs `body` with a simulator on the port `configuration` names (``IGSimulator/withRunning`` always picks one).
    static func running(
        _ configuration: SimulatorConfiguration, _ body: (IGSimulator, URL) async throws -> Void
    ) async throws {
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        do {
            try await body(simulator, url)
            try await simulator.shutdown()
        } catch {
            try? await simulator.shutdown()
            throw error
        }
    }

    @Test("Clients of the same account share one budget")
    func sharedBudget() async throws {
        try await IGSimulator.withRunning(configuration: Self.limited(account: 4)) { simulator, url in
            try await withClient(url, rateLimiting: Self.pacedClient, retryPolicy: .none) { first in
                try await withClient(url, rateLimiting: Self.pacedClient, retryPolicy: .none) { second in
                    try await first.session.login()
                    try await second.session.login()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for index in 0..<12 {
                            let client = index.isMultiple(of: 2) ? first : second
                            group.addTask { _ = try await client.accounts.preferences() }
                        }
                        try await group.waitForAll()
                    }
                    #expect(await simulator.statistics().allowanceErrors == 0)
                }
            }
        }
    }
}
