import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading
import Testing

/// The price-cache scenarios, run on each store engine (the SQLite and PostgreSQL suites call these).
enum CacheScenarios {
    /// Points the simulator has served so far (its count of historical points spent).
    static func pointsServed(_ simulator: IGSimulator) async -> Int { await simulator.statistics().pricePoints }

    /// A repeated request spends 0 points and serves the same table; an overlapping one spends exactly its new bars.
    static func repeatAndOverlap(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    // Tuesday 2025-03-04, 10:00 to 11:59 (inclusive bar starts): 120 MINUTE bars.
                    let first = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T11:59:00"))
                    #expect(first.table.rows.count == 120)
                    #expect(first.pointsSpent == 120)
                    #expect(first.fromStore == 0)
                    let served = await pointsServed(simulator)
                    #expect(served == 120)

                    let again = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T11:59:00"))
                    #expect(again.pointsSpent == 0)
                    #expect(again.requests == 0)
                    #expect(again.fromStore == 120)
                    #expect(again.table.rows == first.table.rows)
                    #expect(await pointsServed(simulator) == served)

                    // 11:00 to 12:59 overlaps the first hour: exactly 60 new bars are fetched.
                    let overlap = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T11:00:00"),
                        to: utc("2025-03-04T12:59:00"))
                    #expect(overlap.table.rows.count == 120)
                    #expect(overlap.pointsSpent == 60)
                    #expect(overlap.fromStore == 60)
                    #expect(await pointsServed(simulator) == served + 60)

                    // The table served from the store equals the one IG sends, value for value.
                    let direct = try await client.prices.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T12:59:00"))
                    let cached = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T12:59:00"))
                    #expect(cached.pointsSpent == 0)
                    #expect(cached.table.rows.count == 180)
                    #expect(cached.table.rows == direct.rows)
                    #expect(cached.table.instrumentType == direct.instrumentType)
                    #expect(zip(cached.table.rows, direct.rows).allSatisfy { bitwiseEqual($0, $1) })

                    let ledger = try await store.ledger(environment: cache.environment, since: .distantPast)
                    #expect(ledger.map(\.points).reduce(0, +) == 180)
                    #expect(ledger.allSatisfy { !$0.account.isEmpty })
                    #expect(ledger.last?.total == 10_000)
                }
            }
        }
    }

    /// A weekend answers no bars; the empty range is recorded and never asked again.
    static func weekend(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    // Saturday 2025-03-08 and Sunday: FX does not trade.
                    let empty = try await cache.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-08T00:00:00"),
                        to: utc("2025-03-09T23:00:00"))
                    #expect(empty.table.rows.isEmpty)
                    #expect(empty.requests == 1)
                    let requests = await simulator.statistics().priceRequests
                    let again = try await cache.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-08T00:00:00"),
                        to: utc("2025-03-09T23:00:00"))
                    #expect(again.requests == 0)
                    #expect(await simulator.statistics().priceRequests == requests)
                    let coverage = try await store.coverage(
                        SeriesKey(environment: cache.environment, epic: eurusd, resolution: .hour))
                    #expect(
                        coverage.covers(TimeRange(from: utc("2025-03-08T00:00:00"), to: utc("2025-03-10T00:00:00"))))
                    // The whole last hour asked for is covered, up to where the next bar would start.
                }
            }
        }
    }

    /// The bar still forming is served but not stored; the next request fetches it again.
    static func formingBar(_ kind: StoreKind) async throws {
        try await withAroundTheClock(kind) { try await formingBarSteps($0) }
    }

    /// The body of ``formingBar(_:)``, in a function of its own: the compiler numbers its closures apart (closures
    /// inside a closure can share one symbol; `.ci/closure-collisions.py`).
    private static func formingBarSteps(_ run: AroundTheClock) async throws {
        let (simulator, store, cache, epic, now, hourStart) = (
            run.simulator, run.store, run.cache, run.epic, run.now, run.hour
        )
        let from = Date(timeIntervalSince1970: TimeInterval(hourStart - 3 * 3600))
        let first = try await cache.table(epic: epic, resolution: .hour, from: from, to: now, now: now)
        let key = SeriesKey(environment: cache.environment, epic: epic, resolution: .hour)
        let coverage = try await store.coverage(key)
        // Settled hours are covered; the hour in progress is not.
        #expect(coverage.covers(TimeRange(start: hourStart - 3 * 3600, end: hourStart)))
        #expect(!coverage.covers(TimeRange(start: hourStart, end: hourStart + 1)))
        let stored = try await store.table(
            key, in: TimeRange(start: hourStart - 3 * 3600, end: hourStart + 3600))
        #expect(stored.rows.allSatisfy { TimeRange.seconds($0.time) < hourStart })
        if first.table.rows.contains(where: { TimeRange.seconds($0.time) == hourStart }) {
            #expect(stored.rows.count == first.table.rows.count - 1)
        }
        let before = await simulator.statistics().priceRequests
        let second = try await cache.table(epic: epic, resolution: .hour, from: from, to: now, now: now)
        // Only the forming hour is asked again.
        #expect(await simulator.statistics().priceRequests == before + 1)
        #expect(second.fromStore == stored.rows.count)
    }

    /// The last N bars (IG's `max`): asked of IG once and stored; asked again, served from the store but for the bar
    /// still forming; more than the store holds goes to IG at once; a store covering up to a few bars ago fetches only
    /// the bars since. Bitcoin trades around the clock in the simulator, so every hour has a bar.
    static func latest(_ kind: StoreKind) async throws {
        try await withAroundTheClock(kind) { try await latestSteps($0) }
    }

    /// The body of ``latest(_:)``, in a function of its own: the compiler numbers its closures apart (closures
    /// inside a closure can share one symbol; `.ci/closure-collisions.py`).
    private static func latestSteps(_ run: AroundTheClock) async throws {
        let (simulator, client, store, cache, epic, now, hour) = (
            run.simulator, run.client, run.store, run.cache, run.epic, run.now, run.hour
        )
        func settled(_ rows: [PriceTable.Row]) -> [PriceTable.Row] {
            rows.filter { TimeRange.seconds($0.time) < hour }
        }

        // The estimate `ig prices --store` checks against the allowance without a range: an empty store, all six.
        #expect(try await cache.pointsToFetchLatest(epic: epic, resolution: .hour, count: 6, now: now) == 6)
        let first = try await cache.latest(epic: epic, resolution: .hour, count: 6, now: now)
        let direct = try await client.prices.table(epic: epic, resolution: .hour, max: 6)
        #expect(first.table.rows.count == 6)
        #expect((first.pointsSpent, first.requests, first.fromStore) == (6, 1, 0))
        #expect(first.table.rows.map(\.time) == direct.rows.map(\.time))
        #expect(settled(first.table.rows) == settled(direct.rows))
        let forming = first.table.rows.count - settled(first.table.rows).count
        let key = SeriesKey(environment: cache.environment, epic: epic, resolution: .hour)
        let start = TimeRange.seconds(try #require(first.table.rows.first).time)
        let coverage = try await store.coverage(key)
        #expect(coverage.covers(TimeRange(start: start, end: hour)))
        #expect(!coverage.covers(TimeRange(start: hour, end: hour + 1)))
        #expect(try await store.table(key, in: .init(start: 0, end: hour + 7200)).rows.count == 6 - forming)

        // Covered up to the bar still forming: only that bar is counted.
        #expect(try await cache.pointsToFetchLatest(epic: epic, resolution: .hour, count: 6, now: now) == 1)
        let again = try await cache.latest(epic: epic, resolution: .hour, count: 6, now: now)
        if again.requests == 1 {
            #expect(again.pointsSpent == forming && again.fromStore == 6 - forming)
        } else {
            // In an hour's first seconds a range request may not see the hour `max` returned: one bar short, the
            // cache asks IG for the last six.
            #expect(again.requests == 2 && again.pointsSpent == 6)
        }
        #expect(again.table.rows.count == 6)
        #expect(settled(again.table.rows) == settled(first.table.rows))

        let requests = await simulator.statistics().priceRequests
        // More than the store holds: IG is asked for all twelve, and the estimate says so.
        #expect(try await cache.pointsToFetchLatest(epic: epic, resolution: .hour, count: 12, now: now) == 12)
        let more = try await cache.latest(epic: epic, resolution: .hour, count: 12, now: now)
        #expect((more.table.rows.count, more.pointsSpent, more.requests) == (12, 12, 1))
        #expect(await simulator.statistics().priceRequests == requests + 1)
        #expect(settled(more.table.rows).suffix(6 - forming) == settled(first.table.rows)[...])

        // Half-hour bars stored up to three hours ago: the last ten are six (or seven) new ones, the bar
        // still forming and the rest from the store.
        let from = Date(timeIntervalSince1970: TimeInterval(hour - 10 * 3600))
        let to = Date(timeIntervalSince1970: TimeInterval(hour - 3 * 3600 - 1800))
        _ = try await cache.table(epic: epic, resolution: .minute30, from: from, to: to, now: now)
        let halfHour = BarClock.start(containing: TimeRange.seconds(now), .minute30)
        let newBars = BarClock.barCount(in: TimeRange(start: hour - 3 * 3600, end: halfHour), .minute30)
        let served = await pointsServed(simulator)
        let estimate = try await cache.pointsToFetchLatest(epic: epic, resolution: .minute30, count: 10, now: now)
        #expect(estimate == newBars + 1, "the new bars and the bar still forming")
        let recent = try await cache.latest(epic: epic, resolution: .minute30, count: 10, now: now)
        #expect(recent.pointsSpent <= estimate)
        let directRecent = try await client.prices.table(epic: epic, resolution: .minute30, max: 10)
        func settledHalf(_ rows: [PriceTable.Row]) -> [PriceTable.Row] {
            rows.filter { TimeRange.seconds($0.time) < halfHour }
        }
        let formingHalf = recent.table.rows.count - settledHalf(recent.table.rows).count
        #expect(recent.pointsSpent == newBars + formingHalf)
        #expect(recent.fromStore == 10 - newBars - formingHalf && recent.requests == 2)
        #expect(await pointsServed(simulator) == served + newBars + formingHalf + 10)
        // In the first seconds of a half-hour a range request may not see its bar yet while IG's `max` does: the
        // times agree whenever both see the same bar still forming, and the settled bars always.
        if formingHalf == directRecent.rows.count - settledHalf(directRecent.rows).count {
            #expect(recent.table.rows.map(\.time) == directRecent.rows.map(\.time))
        }
        let compared = min(settledHalf(recent.table.rows).count, settledHalf(directRecent.rows).count)
        // The direct request is made a moment after `now`: when a half-hour began in between, its last ten bars hold
        // two from `halfHour` on, and one settled bar fewer before it.
        let directLater = directRecent.rows.filter { TimeRange.seconds($0.time) >= halfHour }.count
        #expect(compared >= 10 - max(1, directLater))
        #expect(settledHalf(recent.table.rows).suffix(compared) == settledHalf(directRecent.rows).suffix(compared))

        let ledger = try await store.ledger(environment: cache.environment, since: .distantPast)
        #expect(ledger.map(\.points).reduce(0, +) == 6 + again.pointsSpent + 12 + 14 + newBars + formingHalf)
    }

    /// Fetching prices stores the market's details once a day: name, type, scaling factor and IG's whole body.
    static func marketDetails(_ kind: StoreKind) async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    let now = utc("2025-03-05T12:00:00")
                    _ = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T10:09:00"), now: now)
                    let stored = try #require(
                        try await store.market(epic: eurusd.rawValue, environment: cache.environment))
                    let direct = try await client.markets.get(eurusd)
                    #expect(stored.name == direct.instrument.name && stored.name != nil)
                    #expect(stored.instrumentType == "CURRENCIES")
                    #expect(stored.scalingFactor == direct.snapshot.scalingFactor && stored.scalingFactor != nil)
                    #expect(stored.updatedAt == now)
                    let body = try JSONDecoder().decode(MarketDetails.self, from: stored.details)
                    #expect(body.instrument.epic == eurusd && body.dealingRules == direct.dealingRules)

                    // Details from an hour ago are kept; from two days ago, asked again.
                    var changed = stored
                    changed.name = "kept"
                    changed.updatedAt = now.addingTimeInterval(-3600)
                    try await store.save(changed, environment: cache.environment)
                    _ = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T11:00:00"),
                        to: utc("2025-03-04T11:09:00"), now: now)
                    let kept = try await store.market(epic: eurusd.rawValue, environment: cache.environment)
                    #expect(kept?.name == "kept")
                    changed.updatedAt = now.addingTimeInterval(-2 * 86_400)
                    try await store.save(changed, environment: cache.environment)
                    _ = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T12:00:00"),
                        to: utc("2025-03-04T12:09:00"), now: now)
                    let renewed = try await store.market(epic: eurusd.rawValue, environment: cache.environment)
                    #expect(renewed?.name == direct.instrument.name && renewed?.updatedAt == now)

                    // Served from the store alone, nothing is asked: the details stay as they are.
                    changed.updatedAt = now.addingTimeInterval(-2 * 86_400)
                    try await store.save(changed, environment: cache.environment)
                    let served = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T10:09:00"), now: now)
                    #expect(served.requests == 0)
                    #expect(
                        try await store.market(epic: eurusd.rawValue, environment: cache.environment)?.name == "kept")
                }
            }
        }
    }

    /// Two simulators (two environments) never share bars or coverage.
    static func environmentsApart(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            var environments: [String] = []
            func fetch(_ url: URL) async throws {
                try await withClient(url) { client in
                    let cache = PriceCache(store: store, client: client)
                    environments.append(cache.environment)
                    let result = try await cache.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                        to: utc("2025-03-04T10:29:00"))
                    // Each environment fetches its own bars.
                    #expect(result.pointsSpent == 30)
                }
            }
            // Both simulators run at once: one started after the other stopped could get its port, and its URL.
            try await withSimulator({ $0.seed = 7 }) { _, first in
                try await withSimulator({ $0.seed = 8 }) { _, second in
                    try await fetch(first)
                    try await fetch(second)
                }
            }
            #expect(Set(environments).count == 2)
            let range = TimeRange(from: utc("2025-03-04T10:00:00"), to: utc("2025-03-04T10:30:00"))
            let tables = try await environments.asyncMap { environment in
                try await store.table(SeriesKey(environment: environment, epic: eurusd, resolution: .minute), in: range)
            }
            #expect(tables.allSatisfy { $0.rows.count == 30 })
            // Different seeds price differently: the rows were not mixed.
            #expect(tables[0].rows != tables[1].rows)
        }
    }

    /// With ``PriceCache/derivesCoarserBars``, HOUR and DAY bars are built from stored MINUTE bars for 0 points and
    /// equal the simulator's own, value for value; they are not stored; off (the default) they are fetched; in a range
    /// the finer bars cover in part, only the rest is fetched.
    static func derivedBars(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let plain = PriceCache(store: store, client: client)
                    let deriving = PriceCache(store: store, client: client, derivesCoarserBars: true)
                    // Friday 2025-03-07: 1,440 MINUTE bars.
                    let minutes = try await plain.table(
                        epic: eurusd, resolution: .minute, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T23:59:00"))
                    #expect(minutes.pointsSpent == 1440)
                    let served = await pointsServed(simulator)

                    let hours = try await deriving.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T23:00:00"))
                    let day = try await deriving.table(
                        epic: eurusd, resolution: .day, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T00:00:00"))
                    #expect(hours.derived == 24 && hours.pointsSpent == 0 && hours.requests == 0)
                    #expect(hours.fromStore == 0 && hours.fetched == 0)
                    #expect(day.derived == 1 && day.pointsSpent == 0)
                    #expect(await pointsServed(simulator) == served)
                    // Not stored: the store keeps only what IG sent.
                    let hourKey = SeriesKey(environment: plain.environment, epic: eurusd, resolution: .hour)
                    #expect(try await store.coverage(hourKey).ranges.isEmpty)

                    // The simulator's own HOUR and DAY bars are the same, value for value.
                    let directHours = try await client.prices.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T23:00:00"))
                    let directDay = try await client.prices.table(
                        epic: eurusd, resolution: .day, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T00:00:00"))
                    #expect(directHours.rows.count == 24 && directDay.rows.count == 1)
                    #expect(hours.table.rows == directHours.rows)
                    #expect(day.table.rows == directDay.rows)
                    #expect(hours.table.rows.contains { $0.volume != nil })

                    // Off by default: the same request is fetched.
                    let fetchedHours = try await plain.table(
                        epic: eurusd, resolution: .hour, from: utc("2025-03-07T00:00:00"),
                        to: utc("2025-03-07T23:00:00"))
                    #expect(fetchedHours.pointsSpent == 24 && fetchedHours.derived == 0)

                    // Thursday has no finer bars stored: of the missing range (Thursday and Friday), Friday is
                    // built and only Thursday is fetched.
                    let across = try await deriving.table(
                        epic: eurusd, resolution: .day, from: utc("2025-03-06T00:00:00"),
                        to: utc("2025-03-07T00:00:00"))
                    #expect(across.derived == 1 && across.pointsSpent == 1 && across.fetched == 1)
                    #expect(across.table.rows.count == 2)
                    #expect(across.table.rows.last == directDay.rows.first)
                }
            }
        }
    }

    /// Same `Decimal` bytes, not only equal values.
    static func bitwiseEqual(_ lhs: PriceTable.Row, _ rhs: PriceTable.Row) -> Bool {
        let left = lhs.bid.values + lhs.ask.values + lhs.lastTraded.values + [lhs.volume]
        let right = rhs.bid.values + rhs.ask.values + rhs.lastTraded.values + [rhs.volume]
        return zip(left, right).allSatisfy { pair in
            switch pair {
            case (nil, nil): true
            case (let a?, let b?): withUnsafeBytes(of: a) { Array($0) } == withUnsafeBytes(of: b) { Array($0) }
            default: false
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

extension CacheScenarios {
    /// A fresh simulator, a client of it, a fresh store of one kind and a cache over both, with Bitcoin (which
    /// trades around the clock in the simulator, so every hour has a bar), the time now and the start of its hour.
    struct AroundTheClock {
        var simulator: IGSimulator
        var client: IGClient
        var store: MarketDataStore
        var cache: PriceCache
        let epic = Epic(rawValue: "CS.D.BITCOIN.TODAY.IP")
        let now = Date()
        var hour: Int64 { BarClock.start(containing: TimeRange.seconds(now), .hour) }
    }

    /// Runs `body` with an ``AroundTheClock`` on a store of `kind`.
    static func withAroundTheClock(_ kind: StoreKind, _ body: (AroundTheClock) async throws -> Void) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    try await body(
                        AroundTheClock(
                            simulator: simulator, client: client, store: store,
                            cache: PriceCache(store: store, client: client)))
                }
            }
        }
    }
}
