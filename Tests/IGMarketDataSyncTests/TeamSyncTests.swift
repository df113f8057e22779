import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so this runs in CI.
@Suite("Team sync: several workers share one plan on PostgreSQL", .enabled(if: PostgresTesting.available))
struct TeamSyncTests {
    @Test("three workers, each with its own login, connection and client, fetch every range exactly once")
    func threeWorkers() async throws {
        try await withSimulator({
            plentifulAllowance(&$0)
            $0.users = 3
        }) { simulator, url in
            try await withPostgresDatabase { database in
                let epics = [eurusd, Epic(rawValue: "CS.D.GBPUSD.TODAY.IP")]
                // Five weekdays each: 10 units of 1,440 bars.
                let targets = epics.map {
                    SyncTarget(
                        epic: $0, resolution: .minute,
                        range: TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-08T00:00:00")))
                }
                let environment = url.absoluteString
                // A crashed worker left a claim that has expired: it must be taken over, not lost.
                let plan = try await withOpenStore(database) { setup in
                    let plan = try await PlannerTests.plan(setup, environment: environment, targets: targets)
                    try await setup.enqueue(plan.plannedUnits)
                    let crashed = try await setup.claim(
                        environment: environment, worker: "crashed", until: Date().addingTimeInterval(-1))
                    #expect(crashed != nil)
                    return plan
                }
                #expect(plan.unitCount == 10)

                let reports = try await withThrowingTaskGroup(of: SyncReport.self) { group in
                    for worker in 1...3 {
                        group.addTask {
                            let login = worker == 1 ? "demo-user" : "demo-user-\(worker)"
                            return try await withClient(url, identifier: login) { client in
                                try await withOpenStore(database) { store in
                                    let cache = PriceCache(store: store, client: client)
                                    return try await BackfillRunner(
                                        cache: cache, worker: "worker-\(worker)", reserve: 0
                                    ).run(plan)
                                }
                            }
                        }
                    }
                    var all: [SyncReport] = []
                    for try await report in group { all.append(report) }
                    return all
                }
                #expect(reports.reduce(0) { $0 + $1.units } == 10)
                #expect(reports.allSatisfy { $0.stop == .done })
                // No range was fetched twice across the fleet: the simulator served exactly the distinct bars.
                #expect(await simulator.statistics().pricePoints == 2 * 5 * 1440)
                #expect(reports.reduce(0) { $0 + $1.points } == 2 * 5 * 1440)
                // The simulator's request log: no range of an epic was asked for twice, by any login.
                let log = await simulator.priceRequests().filter { $0.points > 0 }
                #expect(log.reduce(0) { $0 + $1.points } == 2 * 5 * 1440)
                #expect(Set(log.map(\.identifier)).isSubset(of: ["demo-user", "demo-user-2", "demo-user-3"]))
                var fetchedTwice = 0
                for epic in epics {
                    let ranges = log.filter { $0.epic == epic.rawValue }.map { ($0.from, $0.to) }.sorted { $0.0 < $1.0 }
                    // ISO times compare as text; ranges are inclusive, so touching ones would overlap too.
                    for (previous, next) in zip(ranges, ranges.dropFirst()) where next.0 <= previous.1 {
                        fetchedTwice += 1
                    }
                }
                #expect(fetchedTwice == 0)

                try await withOpenStore(database) { check in
                    for epic in epics {
                        let key = SeriesKey(environment: environment, epic: epic, resolution: .minute)
                        let rows = try await check.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
                        #expect(rows.count == 5 * 1440)
                        #expect(try await check.coverage(key).ranges.count == 1)
                    }
                    let queue = try await check.queue(environment: environment)
                    #expect(queue.done == 10)
                    #expect(queue.pending == 0 && queue.claimed == 0)
                }
            }
        }
    }

    // After pg_terminate_backend, postgres-nio 1.33 sometimes never completes the next query on that connection; the
    // store's per-operation deadline (query_timeout, 20 s here: 5 s and 10 s have expired on a loaded machine before the
    // connection was dropped) turns that into a connection error instead of a hang.
    @Test("the units not done are listed with their state, worker and claim, in claiming order")
    func openUnits() async throws { try await OpenUnitsScenarios.listed(.postgres) }

    @Test("dropping the queue removes waiting, refused and run-out units; live claims, bars and coverage stay")
    func dropQueued() async throws { try await OpenUnitsScenarios.dropped(.postgres) }

    @Test(
        "a plan made from the store leaves out its coverage and the queue's waiting and claimed units, not refused ones"
    )
    func planFromStore() async throws { try await OpenUnitsScenarios.plannedFromStore(.postgres) }

    @Test("a unit IG refuses (an unknown epic) is set aside; the others are fetched and later runs go on")
    func refusedUnit() async throws { try await RefusedUnitScenarios.setAside(.postgres) }

    @Test("under the default name, a run takes back at once what an ended process of this machine and account held")
    func endedWorkerTakenBack() async throws { try await EndedWorkerScenarios.takenBack(.postgres) }

    @Test("releasing ended processes' claims leaves other machines, accounts, environments and live processes alone")
    func endedWorkerReleased() async throws { try await EndedWorkerScenarios.released(.postgres) }

    @Test("a connection lost mid-sync stops the sync with a connection error; what was committed stays")
    func connectionLostMidSync() async throws {
        try await withSimulator { _, url in
            try await withPostgresDatabase { database in
                let parsed = try PostgresURL(parsing: database)
                let target = SyncTarget(
                    epic: eurusd, resolution: .minute,
                    range: TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-06T00:00:00")))
                try await withClient(url) { client in
                    try await withOpenStore(database + "?query_timeout=20") { store in
                        let cache = PriceCache(store: store, client: client)
                        let plan = try await PlannerTests.plan(store, environment: cache.environment, targets: [target])
                        await #expect {
                            _ = try await BackfillRunner(cache: cache, worker: "w", reserve: 0).run(
                                plan,
                                progress: { progress in
                                    // After the first unit, the server drops every connection to this database.
                                    if progress.unitsDone == 1 {
                                        try? runSQLBlocking(
                                            parsed,
                                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                                                + parsed.database + "' AND pid <> pg_backend_pid()")
                                    }
                                })
                        } throws: { error in
                            guard let storeError = (error as? PriceCacheError)?.storeError else { return false }
                            return storeError.code == .connection
                        }
                    }
                }
                try await withOpenStore(database) { reopened in
                    let key = SeriesKey(environment: url.absoluteString, epic: eurusd, resolution: .minute)
                    let coverage = try await reopened.coverage(key)
                    let rows = try await reopened.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
                    #expect(rows.count == 1440)
                    #expect(coverage.totalSeconds == 86_400)
                }
            }
        }
    }

    @Test("an unreachable PostgreSQL server gives a connection error with a hint")
    func unreachableServer() async throws {
        await #expect {
            _ = try await MarketDataStore.open(try StoreLocation(parsing: "postgres://nobody@127.0.0.1:1/none"))
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .connection && error.hint != nil
        }
    }
}
