import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import Synchronization
import Testing

@Suite("Backfill planner against the simulator (SQLite store)")
struct PlannerTests {
    /// Monday 2025-03-03 to Thursday 2025-03-06 (exclusive): three weekdays of MINUTE bars.
    static let target = SyncTarget(
        epic: eurusd, resolution: .minute,
        range: TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-06T00:00:00")))

    static func plan(
        _ store: MarketDataStore, environment: String, targets: [SyncTarget] = [target]
    ) async throws
        -> BackfillPlan
    {
        var coverage: [SeriesKey: Coverage] = [:]
        var updated: [SeriesKey: Date] = [:]
        for status in try await store.status(environment: environment) {
            coverage[status.key] = status.coverage
            updated[status.key] = status.updatedAt
        }
        return try BackfillPlan(
            targets: targets, environment: environment, coverage: coverage, updatedAt: updated, now: Date())
    }

    @Test("the plan needs one unit per day and exactly the missing points; a run spends them once")
    func planAndRun() async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(.sqlite) { store in
                    let cache = PriceCache(store: store, client: client)
                    _ = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T00:00:00"),
                        to: utc("2025-03-04T23:59:00"))
                    let plan = try await Self.plan(store, environment: cache.environment)
                    #expect(plan.unitCount == 2)
                    #expect(plan.points == 2 * 1440)
                    let before = await simulator.statistics().pricePoints
                    let report = try await BackfillRunner(cache: cache, worker: "test", reserve: 0).run(plan)
                    #expect(report.stop == .done)
                    #expect(report.units == 2)
                    #expect(report.points == 2880)
                    #expect(await simulator.statistics().pricePoints == before + 2880)
                    let after = try await Self.plan(store, environment: cache.environment)
                    #expect(after.items.isEmpty)
                    #expect(try await store.queue(environment: cache.environment).done == 2)
                }
            }
        }
    }

    @Test("the units not done are listed with their state, worker and claim, in claiming order")
    func openUnits() async throws { try await OpenUnitsScenarios.listed(.sqlite) }

    @Test("dropping the queue removes waiting, refused and run-out units; live claims, bars and coverage stay")
    func dropQueued() async throws { try await OpenUnitsScenarios.dropped(.sqlite) }

    @Test(
        "a plan made from the store leaves out its coverage and the queue's waiting and claimed units, not refused ones"
    )
    func planFromStore() async throws { try await OpenUnitsScenarios.plannedFromStore(.sqlite) }

    @Test("a unit IG refuses (an unknown epic) is set aside; the others are fetched and later runs go on")
    func refusedUnit() async throws { try await RefusedUnitScenarios.setAside(.sqlite) }

    @Test("under the default name, a run takes back at once what an ended process of this machine and account held")
    func endedWorkerTakenBack() async throws { try await EndedWorkerScenarios.takenBack(.sqlite) }

    @Test("releasing ended processes' claims leaves other machines, accounts, environments and live processes alone")
    func endedWorkerReleased() async throws { try await EndedWorkerScenarios.released(.sqlite) }

    @Test("a plan over its point limit is refused with the count reached and the series; at the limit it is cut")
    func pointLimit() throws {
        let targets = [Self.target]
        let environment = "DEMO"
        let now = utc("2025-03-10T00:00:00")
        #expect(
            try BackfillPlan(
                targets: targets, environment: environment, coverage: [:], updatedAt: [:], now: now, limit: 4320
            )
            .points == 4320)
        let error = #expect(throws: PlanTooLarge.self) {
            try BackfillPlan(
                targets: targets, environment: environment, coverage: [:], updatedAt: [:], now: now, limit: 4319)
        }
        #expect(error?.points == 4320)
        #expect(error?.series == SeriesKey(environment: environment, epic: eurusd, resolution: .minute))
        // Ranges already covered do not count: the same target over covered days fits a limit of one day.
        let key = SeriesKey(environment: environment, epic: eurusd, resolution: .minute)
        let covered = Coverage([TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-05T00:00:00"))])
        #expect(
            try BackfillPlan(
                targets: targets, environment: environment, coverage: [key: covered], updatedAt: [:], now: now,
                limit: 1440
            )
            .unitCount == 1)
        // SECOND bars from the year 1: 45 billion points, refused without cutting 44 million units.
        let huge = SyncTarget(
            epic: eurusd, resolution: .second, range: TimeRange(start: -62_135_596_800, end: TimeRange.seconds(now)))
        let refused = #expect(throws: PlanTooLarge.self) {
            try BackfillPlan(targets: [huge], environment: environment, coverage: [:], updatedAt: [:], now: now)
        }
        #expect(refused?.limit == BackfillPlan.pointLimit)
        #expect(refused?.description.contains("more than the 100,000,000 a plan may need: 10,000 weeks") == true)
    }

    @Test("least recently updated series run first")
    func order() async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(.sqlite) { store in
                    let cache = PriceCache(store: store, client: client)
                    let gbpusd = Epic(rawValue: "CS.D.GBPUSD.TODAY.IP")
                    // EUR/USD was updated (one hour fetched); GBP/USD never: GBP/USD comes first.
                    _ = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-03T00:00:00"),
                        to: utc("2025-03-03T00:59:00"))
                    let targets = [
                        Self.target, SyncTarget(epic: gbpusd, resolution: .minute, range: Self.target.range),
                    ]
                    let plan = try await Self.plan(store, environment: cache.environment, targets: targets)
                    #expect(plan.items.map(\.key.epic) == [gbpusd, eurusd])
                    #expect(plan.items[1].points == 3 * 1440 - 60)
                }
            }
        }
    }

    /// A weekly allowance, and what a run keeping a reserve of 1,000 on a new store does with it.
    struct ReserveCase: Sendable, CustomTestStringConvertible {
        var allowance: Int
        /// Days (1,440 MINUTE bars each) fetched before the next would eat into the reserve.
        var units: Int
        var testDescription: String { "\(allowance) points a week" }
    }

    @Test(
        "the reserve is kept from the first unit: a new store's run asks IG first (one point) and stops before a unit would eat into the reserve",
        arguments: [ReserveCase(allowance: 3_500, units: 1), ReserveCase(allowance: 2_000, units: 0)])
    func reserve(_ reserveCase: ReserveCase) async throws {
        try await withSimulator({
            $0.allowances = SimulatorAllowances(
                applicationOverall: 1_000_000, accountOverall: 1_000_000, accountTrading: 1_000_000,
                historicalDataPoints: reserveCase.allowance)
        }) { simulator, url in
            try await withClient(url) { client in
                try await withStore(.sqlite) { store in
                    let cache = PriceCache(store: store, client: client)
                    let plan = try await Self.plan(store, environment: cache.environment)
                    let reported = Mutex<[SyncProgress]>([])
                    let report = try await BackfillRunner(cache: cache, worker: "test", reserve: 1_000).run(
                        plan, progress: { progress in reported.withLock { $0.append(progress) } })
                    // The progress counts the points spent on bars, within the plan's: not the one that asked IG.
                    #expect(
                        reported.withLock { $0.map(\.points) } == (0..<reserveCase.units).map { ($0 + 1) * 1_440 })
                    #expect(reported.withLock { $0.allSatisfy { $0.points <= $0.pointsPlanned } })
                    // 3,500: after asking and one day, 2,059 remain and a second day would leave 619. 2,000: after
                    // asking, 1,999 remain and the first day would leave 559, so nothing is fetched.
                    let spent = 1 + reserveCase.units * 1_440
                    #expect(report.stop == .reserve)
                    #expect(report.units == reserveCase.units)
                    #expect(report.points == spent && report.probePoints == 1)
                    #expect(report.remaining == reserveCase.allowance - spent)
                    #expect(report.nextUnitPoints == 1_440)
                    #expect(report.resetsAt != nil)
                    #expect(await simulator.statistics().pricePoints == spent)
                    #expect(try await store.queue(environment: cache.environment).pending == 3 - reserveCase.units)
                }
            }
        }
    }

    @Test("when IG refuses for the allowance the run stops, keeps what it had, and the unit goes back to the queue")
    func exhausted() async throws {
        try await withSimulator({
            $0.allowances = SimulatorAllowances(
                applicationOverall: 1_000_000, accountOverall: 1_000_000, accountTrading: 1_000_000,
                historicalDataPoints: 1_000)
        }) { simulator, url in
            try await withClient(url) { client in
                try await withStore(.sqlite) { store in
                    let cache = PriceCache(store: store, client: client)
                    let plan = try await Self.plan(store, environment: cache.environment)
                    let report = try await BackfillRunner(cache: cache, worker: "test", reserve: 0).run(plan)
                    #expect(report.stop == .allowanceExhausted)
                    #expect(report.units == 0)
                    #expect(await simulator.statistics().pricePoints == 0)
                    let queue = try await store.queue(environment: cache.environment)
                    #expect(queue.pending == 3)
                    #expect(queue.claimed == 0)
                }
            }
        }
    }

    @Test("targets files: good lines parse, a bad line names its number and the expected form")
    func targetsFile() throws {
        let targets = try SyncTarget.parse(
            file: """
                # epic resolution from to
                CS.D.EURUSD.TODAY.IP MINUTE 2025-03-03T00:00:00 2025-03-06T00:00:00

                IX.D.FTSE.DAILY.IP 1h 2025-01-01 2025-02-01
                """)
        #expect(targets.count == 2)
        #expect(targets[1].resolution == .hour)
        // A comment may follow a target on its line; an epic must have IG's form.
        let commented = try SyncTarget.parse(file: "CS.D.EURUSD.TODAY.IP HOUR 2025-03-03 2025-03-04   # the euro\n")
        #expect(commented.map(\.epic.rawValue) == ["CS.D.EURUSD.TODAY.IP"])
        do {
            _ = try SyncTarget.parse(file: "CS.D.EURUSD:TICK HOUR 2025-03-03 2025-03-04")
            Issue.record("a line whose epic IG cannot have was accepted")
        } catch {
            #expect(error.description.contains("'CS.D.EURUSD:TICK' is not an epic"), "\(error.description)")
        }
        #expect(throws: SyncTarget.ParseError.self) {
            _ = try SyncTarget.parse(file: "CS.D.EURUSD.TODAY.IP MINUTE 2025-03-03")
        }
        do {
            _ = try SyncTarget.parse(file: "\nX.Y fortnight 2025-01-01 2025-02-01")
            Issue.record("a bad resolution was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("EPIC RESOLUTION FROM TO"))
            #expect(!error.description.contains(".."), "\(error.description)")
        }
    }

    @Test("a targets file with several bad lines names each of them at once (the first ten, then a count)")
    func everyBadLine() throws {
        let good = "CS.D.EURUSD.TODAY.IP HOUR 2025-03-03 2025-03-04"
        do {
            _ = try SyncTarget.parse(
                file: [
                    good, "CS.D.GBPUSD.TODAY.IP FORTNIGHTLY 2025-03-03 2025-03-04", good, "foo",
                    "X.Y DAY 2025-03-05 2025-03-03",
                ]
                .joined(separator: "\n"))
            Issue.record("bad lines were accepted")
        } catch {
            #expect(([error.line] + error.further.map(\.line)) == [2, 4, 5])
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 3, "\(error.description)")
            #expect(lines[0].hasPrefix("Targets line 2 ('CS.D.GBPUSD.TODAY.IP FORTNIGHTLY"), "\(error.description)")
            #expect(lines[1] == "Targets line 4 ('foo'): expected 4 fields, found 1.", "\(error.description)")
            #expect(
                lines[2].hasPrefix("Targets line 5 ('X.Y DAY 2025-03-05 2025-03-03'): TO must be after FROM. Write"))
        }
        do {
            _ = try SyncTarget.parse(file: (1...25).map { "bad \($0)" }.joined(separator: "\n"))
            Issue.record("bad lines were accepted")
        } catch {
            #expect(error.further.count == 24)
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == SyncTarget.ParseError.listed + 1, "\(error.description)")
            #expect(lines.last?.hasPrefix("15 more bad lines after line 10.") == true, "\(error.description)")
        }
    }
}
