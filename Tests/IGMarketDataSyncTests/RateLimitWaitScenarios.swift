import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Synchronization
import Testing

/// IG's per-minute request allowance used up mid-sync (other processes on the same API key or account), on each
/// engine: the sync waits for the window to roll over, keeps its unit and goes on; it gives up only when waiting
/// does not help. The simulator's window is two seconds (IG's is a minute) so that the waits are short.
enum RateLimitWaitScenarios {
    /// One weekday of MINUTE bars: 1,440 bars, 29 pages of 50.
    static let day = TimeRange(from: utc("2025-03-04T00:00:00"), to: utc("2025-03-05T00:00:00"))
    static let window = Duration.seconds(2)
    /// Requests per window, per API key and per account.
    static let allowance = 20

    /// The simulator enforces ``allowance`` requests per API key and per account in a two-second window, on a clock
    /// that moves only when the test moves it: the window is full until then, however slow a loaded machine is.
    static func scarceAllowance(_ configuration: inout SimulatorConfiguration) {
        var allowances = SimulatorAllowances(
            applicationOverall: allowance, accountOverall: allowance, accountTrading: 100,
            historicalDataPoints: 1_000_000)
        allowances.window = window
        configuration.allowances = allowances
        configuration.clock = .stepped(start: utc("2025-06-02T12:00:00"))
    }

    /// A client of the simulator at `url` that paces itself to the whole allowance in the simulator's window, as a
    /// process that has no idea others share the key does; the runner waits that window.
    static func withWindowClient<T>(_ url: URL, _ body: (IGClient) async throws -> T) async throws -> T {
        let allowances = IGAllowances(
            applicationOverall: allowance, accountOverall: allowance, accountTrading: 100,
            historicalDataPoints: 1_000_000)
        return try await IGClient.withClient(
            simulatorAt: url,
            configuration: IGClient.Configuration(
                rateLimiting: RateLimiting(source: .fixed(allowances), window: window)),
            credentials: .simulator, body)
    }

    /// The simulator, a store of `kind`, a cache on both and the plan of one day of EUR/USD HOUR bars: where the
    /// scenarios below start.
    static func withDayOfHours(
        _ kind: StoreKind, _ body: (IGSimulator, MarketDataStore, PriceCache, BackfillPlan) async throws -> Void
    ) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    let plan = try await PlannerTests.plan(
                        store, environment: cache.environment,
                        targets: [SyncTarget(epic: eurusd, resolution: .hour, range: day)])
                    try await body(simulator, store, cache, plan)
                }
            }
        }
    }

    /// The server's window fills mid-unit (the unit needs more requests than it allows): the sync is refused, waits,
    /// says so, and goes on with the unit it holds once the window has rolled over. Every bar is fetched exactly once.
    static func waitsAndGoesOn(_ kind: StoreKind) async throws {
        try await withSimulator(scarceAllowance) { simulator, url in
            try await withWindowClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client, pageSize: 50)
                    let plan = try await PlannerTests.plan(
                        store, environment: cache.environment,
                        targets: [SyncTarget(epic: eurusd, resolution: .minute, range: day)])
                    let (waited, signal) = AsyncStream.makeStream(of: SyncWait.self)
                    let runner = BackfillRunner(
                        cache: cache, worker: "w", reserve: 0,
                        rateLimits: RateLimitBackoff(window: window, maxConsecutiveWaits: 10))
                    let run = Task {
                        defer { signal.finish() }
                        return try await runner.run(plan, waiting: { signal.yield($0) })
                    }
                    var seen: [SyncWait] = []
                    for await wait in waited {
                        seen.append(wait)
                        // While the sync waits, the server's window rolls over.
                        try await simulator.advanceClock(by: window + .seconds(1))
                    }
                    let report = try await run.value
                    #expect(report.stop == .done)
                    #expect(report.units == 1 && report.bars == 1440)
                    // IG refused, and the sync waited.
                    #expect(await simulator.statistics().allowanceErrors > 0)
                    #expect(!seen.isEmpty)
                    #expect(report.rateLimitWaits == seen.count)
                    #expect(seen.allSatisfy { $0.errorCode?.isRateAllowance == true && $0.duration >= window })
                    // Nothing was fetched twice: the simulator served exactly the distinct bars (after each wait the
                    // sync asked from where its last committed page ended).
                    #expect(await simulator.statistics().pricePoints == 1440)
                    #expect(report.points == 1440)
                    let key = SeriesKey(environment: cache.environment, epic: eurusd, resolution: .minute)
                    #expect(try await store.table(key, in: day).rows.count == 1440)
                    #expect(
                        try await store.queue(environment: cache.environment)
                            == QueueStatus(pending: 0, claimed: 0, done: 1, failed: 0))
                }
            }
        }
    }

    /// While the sync waits, its claim is extended past the wait: another worker cannot take the unit over, even
    /// after the claim's original lease (one second here) has run out.
    static func keepsItsUnitWhileWaiting(_ kind: StoreKind) async throws {
        try await withDayOfHours(kind) { simulator, store, cache, plan in
            let environment = cache.environment
            // The first price request is refused for the API key's allowance (twice, so the client's own
            // retries do not get through).
            await simulator.injectError(
                status: 403, errorCode: IGErrorCode.exceededApiKeyAllowance.rawValue, count: 3,
                pathPrefix: "/prices")
            let (waited, signal) = AsyncStream.makeStream(of: SyncWait.self)
            let runner = BackfillRunner(
                cache: cache, worker: "waiting", reserve: 0, lease: .seconds(1),
                rateLimits: RateLimitBackoff(window: .seconds(4), jitter: 0))
            let run = Task {
                // The stream ends with the run, so that a run that never waits cannot leave the test waiting.
                defer { signal.finish() }
                return try await runner.run(plan, waiting: { signal.yield($0) })
            }
            var iterator = waited.makeAsyncIterator()
            let wait = try #require(await iterator.next(), "the run never waited")
            #expect(wait.duration == .seconds(4))
            // Past the one-second lease the unit would be free; the renewed claim still holds it.
            try await Task.sleep(for: .milliseconds(1500))
            let other = try await store.claim(
                environment: environment, worker: "other", until: Date().addingTimeInterval(300))
            #expect(other == nil, "the waiting worker's unit was taken over")
            if let other { try await store.release(unit: other.unit.id, worker: "other") }
            let report = try await run.value
            #expect(report.stop == .done)
            #expect(report.units == 1 && report.bars == 24)
            #expect(report.rateLimitWaits == 1)
            #expect(await simulator.statistics().pricePoints == 24)
            #expect(
                try await store.queue(environment: environment)
                    == QueueStatus(pending: 0, claimed: 0, done: 1, failed: 0))
        }
    }

    /// When every wait is refused again with nothing fetched in between, the sync gives up: it stops with
    /// `requestRateLimited`, the unit released for a later run.
    static func givesUpWhenWaitingDoesNotHelp(_ kind: StoreKind) async throws {
        try await withDayOfHours(kind) { simulator, store, cache, plan in
            let environment = cache.environment
            await simulator.injectError(
                status: 403, errorCode: IGErrorCode.exceededAccountAllowance.rawValue, count: 1000,
                pathPrefix: "/prices")
            let waits = Mutex<[SyncWait]>([])
            let report = try await BackfillRunner(
                cache: cache, worker: "w", reserve: 0,
                rateLimits: RateLimitBackoff(window: .milliseconds(100), maxConsecutiveWaits: 2)
            ).run(plan, waiting: { wait in waits.withLock { $0.append(wait) } })
            #expect(report.stop == .requestRateLimited)
            #expect(report.units == 0 && report.bars == 0)
            #expect(report.rateLimitWaits == 2)
            #expect(waits.withLock { $0.map(\.attempt) } == [1, 2])
            #expect(await simulator.statistics().pricePoints == 0)
            #expect(
                try await store.queue(environment: environment)
                    == QueueStatus(pending: 1, claimed: 0, done: 0, failed: 0))
        }
    }

    /// A login refused for the API key's per-minute allowance (other syncs on the key used it) is waited out too,
    /// and the run goes on.
    static func loginWaits(_ kind: StoreKind) async throws {
        try await withDayOfHours(kind) { simulator, store, cache, plan in
            await simulator.injectError(
                status: 403, errorCode: IGErrorCode.exceededApiKeyAllowance.rawValue, count: 3,
                pathPrefix: "/session")
            let waits = Mutex<[SyncWait]>([])
            let report = try await BackfillRunner(
                cache: cache, worker: "w", reserve: 0,
                rateLimits: RateLimitBackoff(window: .milliseconds(200), maxConsecutiveWaits: 5)
            ).run(plan, waiting: { wait in waits.withLock { $0.append(wait) } })
            #expect(report.stop == .done)
            #expect(report.units == 1 && report.bars == 24)
            #expect(!waits.withLock { $0.isEmpty })
            #expect(await simulator.statistics().injectedErrors == 3)
        }
    }

    /// Cancelled (Ctrl-C) while it waits, the sync ends at once as interrupted, its unit released.
    static func interruptedWhileWaiting(_ kind: StoreKind) async throws {
        try await withDayOfHours(kind) { simulator, store, cache, plan in
            let environment = cache.environment
            await simulator.injectError(
                status: 403, errorCode: IGErrorCode.exceededApiKeyAllowance.rawValue, count: 3,
                pathPrefix: "/prices")
            let (waited, signal) = AsyncStream.makeStream(of: SyncWait.self)
            let runner = BackfillRunner(
                cache: cache, worker: "w", reserve: 0, rateLimits: RateLimitBackoff(window: .seconds(600)))
            let run = Task {
                defer { signal.finish() }
                return try await runner.run(plan, waiting: { signal.yield($0) })
            }
            var iterator = waited.makeAsyncIterator()
            #expect(await iterator.next() != nil, "the run never waited")
            run.cancel()
            let report = try await run.value
            #expect(report.stop == .interrupted)
            #expect(report.units == 0)
            #expect(
                try await store.queue(environment: environment)
                    == QueueStatus(pending: 1, claimed: 0, done: 0, failed: 0))
        }
    }
}
