import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading
import Testing

/// An epic asked for in another letter case than the store holds it in is the stored series: served from the store,
/// paid for once, never filed twice (IG's epics name one market whatever their letter case).
extension CacheScenarios {
    /// After `CS.D.EURUSD.TODAY.IP` was stored, `cs.d.eurusd.today.ip` is served by the price cache with 0 points
    /// and 0 price requests (the simulator's counts and its request log), equal to the stored table and named in
    /// the stored spelling; the last N bars of it cost what they cost for the capitals (only the bar still forming,
    /// asked of IG in capitals); a backfill plan of it against the store plans 0 points, and a runner given a plan
    /// made from coverage alone fetches nothing. The store holds one series.
    static func otherLetterCase(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    try await otherLetterCaseSteps(simulator, PriceCache(store: store, client: client))
                }
            }
        }
    }

    /// The body of ``otherLetterCase(_:)``, in a function of its own (`.ci/closure-collisions.py`).
    private static func otherLetterCaseSteps(_ simulator: IGSimulator, _ cache: PriceCache) async throws {
        let store = cache.store
        let lower = Epic(rawValue: eurusd.rawValue.lowercased())
        // Tuesday 2025-03-04, 10:00 to 11:59 (inclusive bar starts): 120 MINUTE bars.
        let (from, to) = (utc("2025-03-04T10:00:00"), utc("2025-03-04T11:59:00"))
        let first = try await cache.table(epic: eurusd, resolution: .minute, from: from, to: to)
        #expect(first.pointsSpent == 120)
        let points = await pointsServed(simulator)
        let logged = await simulator.priceRequests().count

        #expect(try await cache.pointsToFetch(epic: lower, resolution: .minute, from: from, to: to) == 0)
        let again = try await cache.table(epic: lower, resolution: .minute, from: from, to: to)
        #expect(again.pointsSpent == 0)
        #expect(again.requests == 0)
        #expect(again.fromStore == 120)
        #expect(again.table.rows == first.table.rows)
        #expect(zip(again.table.rows, first.table.rows).allSatisfy { bitwiseEqual($0, $1) })
        #expect(again.table.epic == eurusd)
        #expect(await pointsServed(simulator) == points)
        #expect(await requests(simulator, after: logged).isEmpty)

        // The last 60 bars at noon: 59 from the store, the bar still forming asked of IG, as for the capitals.
        let noon = utc("2025-03-04T12:00:00")
        #expect(try await cache.pointsToFetchLatest(epic: lower, resolution: .minute, count: 60, now: noon) == 1)
        let latest = try await cache.latest(epic: lower, resolution: .minute, count: 60, now: noon)
        #expect(latest.fromStore == 59)
        #expect(latest.pointsSpent == 1)
        #expect(latest.table.epic == eurusd)
        let capitals = try await cache.latest(epic: eurusd, resolution: .minute, count: 60, now: noon)
        #expect(latest.table.rows == capitals.table.rows)
        #expect(await requests(simulator, after: logged).map(\.epic) == [eurusd.rawValue, eurusd.rawValue])

        // A backfill of the lower case plans nothing; one planned from coverage alone is queued as the stored series.
        let target = SyncTarget(epic: lower, resolution: .minute, range: TimeRange(from: from, to: noon))
        let plan = try await BackfillPlan(targets: [target], store: store, environment: cache.environment, now: noon)
        #expect(plan.points == 0)
        #expect(plan.items.isEmpty)
        let blind = try BackfillPlan(
            targets: [target], environment: cache.environment, coverage: [:], updatedAt: [:], now: noon)
        #expect(blind.points == 120)
        let served = await pointsServed(simulator)
        let report = try await BackfillRunner(cache: cache, worker: "letter-case", reserve: 0).run(blind)
        #expect(report.stop == .done)
        #expect(report.units == blind.unitCount)
        #expect(report.points == 0)
        #expect(report.requests == 0)
        #expect(await pointsServed(simulator) == served)
        #expect(try await store.status(environment: cache.environment).map(\.key.epic) == [eurusd])
        #expect(try await store.openUnits(environment: cache.environment).isEmpty)
    }

    /// The first spelling seen is kept: an epic stored in small letters first is served, fetched and filed in small
    /// letters when asked for in capitals (IG is asked in the spelling it answered first).
    static func firstSpellingKept(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    let lower = Epic(rawValue: eurusd.rawValue.lowercased())
                    let morning = try await cache.table(
                        epic: lower, resolution: .hour, from: utc("2025-03-04T00:00:00"),
                        to: utc("2025-03-04T11:00:00"))
                    #expect(morning.pointsSpent == 12)
                    #expect(morning.table.epic == lower)
                    let logged = await simulator.priceRequests().count
                    let day = try await cache.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-04T00:00:00"),
                        to: utc("2025-03-04T23:00:00"))
                    #expect(day.pointsSpent == 12)
                    #expect(day.fromStore == 12)
                    #expect(day.table.epic == lower)
                    #expect(await requests(simulator, after: logged).map(\.epic) == [lower.rawValue])
                    #expect(try await store.status(environment: cache.environment).map(\.key.epic) == [lower])
                    #expect(try await store.spelling(of: eurusd, environment: cache.environment) == lower)
                    #expect(try await store.spelling(of: eurusd, environment: "LIVE") == eurusd)
                }
            }
        }
    }
}
