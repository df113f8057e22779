import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading
import Testing

/// The price-cache scenarios of ``PriceCache/derivesCoarserBars`` where finer bars cover only part of a missing range:
/// the part they cover is built, only the rest is fetched and paid, and the estimate says so beforehand.
extension CacheScenarios {
    /// The simulator's price requests after the first `count`, as its request log kept them.
    static func requests(_ simulator: IGSimulator, after count: Int) async -> [PriceRequestRecord] {
        Array(await simulator.priceRequests().dropFirst(count))
    }

    /// A day of HOUR bars whose morning is stored as MINUTE bars: the morning's 12 hours are built, exactly the
    /// afternoon's 12 are fetched (in one request, counted by the simulator and the ledger), the estimate is those 12,
    /// and the table equals the one the simulator sends directly, value for value. Asked again, the afternoon comes
    /// from the store and the morning is built again: 0 points.
    static func derivedHalf(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in try await derivedHalfSteps(simulator, client, store) }
            }
        }
    }

    /// The body of ``derivedHalf(_:)``, in a function of its own (`.ci/closure-collisions.py`).
    private static func derivedHalfSteps(
        _ simulator: IGSimulator, _ client: IGClient, _ store: MarketDataStore
    ) async throws {
        let plain = PriceCache(store: store, client: client)
        let deriving = PriceCache(store: store, client: client, derivesCoarserBars: true)
        // Tuesday 2025-03-04, 00:00 to 11:59: 720 MINUTE bars, the morning.
        let minutes = try await plain.table(
            epic: eurusd, resolution: .minute, from: utc("2025-03-04T00:00:00"), to: utc("2025-03-04T11:59:00"))
        #expect(minutes.pointsSpent == 720)

        let (from, to) = (utc("2025-03-04T00:00:00"), utc("2025-03-04T23:00:00"))
        let logged = await simulator.priceRequests().count
        let served = await pointsServed(simulator)
        let ledgerBefore = try await store.ledger(environment: deriving.environment, since: .distantPast)
        let estimate = try await deriving.pointsToFetch(epic: eurusd, resolution: .hour, from: from, to: to)
        let hours = try await deriving.table(epic: eurusd, resolution: .hour, from: from, to: to)

        // What IG was asked: the afternoon only, at HOUR, in one request.
        let asked = await requests(simulator, after: logged)
        #expect(asked.count == 1 && hours.requests == 1)
        #expect(asked.allSatisfy { $0.resolution == "HOUR" && $0.epic == eurusd.rawValue })
        #expect(asked.first?.from.hasPrefix("2025-03-04T12:00") == true, "\(asked)")
        let spent = asked.map(\.points).reduce(0, +)
        #expect(spent == 12)
        #expect(await pointsServed(simulator) - served == spent)
        let ledger = try await store.ledger(environment: deriving.environment, since: .distantPast)
        #expect(ledger.map(\.points).reduce(0, +) - ledgerBefore.map(\.points).reduce(0, +) == spent)
        // Built, fetched and paid as counted; the estimate was what was then spent.
        #expect(hours.derived == 12 && hours.fetched == spent && hours.pointsSpent == spent && hours.fromStore == 0)
        #expect(estimate == hours.pointsSpent)

        // The same table as the simulator sends for the whole day, value for value.
        let direct = try await client.prices.table(epic: eurusd, resolution: .hour, from: from, to: to)
        #expect(direct.rows.count == 24)
        #expect(hours.table.rows == direct.rows)
        #expect(zip(hours.table.rows, direct.rows).allSatisfy { bitwiseEqual($0, $1) })

        // Only what IG sent is stored: the afternoon.
        let hourKey = SeriesKey(environment: deriving.environment, epic: eurusd, resolution: .hour)
        #expect(
            try await store.coverage(hourKey).ranges == [
                TimeRange(from: utc("2025-03-04T12:00:00"), to: utc("2025-03-05T00:00:00"))
            ])

        // Again: the afternoon from the store, the morning built again, nothing asked.
        let loggedAgain = await simulator.priceRequests().count
        let again = try await deriving.table(epic: eurusd, resolution: .hour, from: from, to: to)
        #expect(try await deriving.pointsToFetch(epic: eurusd, resolution: .hour, from: from, to: to) == 0)
        #expect((again.fromStore, again.derived, again.fetched, again.pointsSpent, again.requests) == (12, 12, 0, 0, 0))
        #expect(again.table.rows == direct.rows)
        #expect(await simulator.priceRequests().count == loggedAgain)

        // From 02:30: no bar starts before 03:00 (that part is recorded, not asked), 03:00 to 05:00 built.
        let (midHour, five) = (utc("2025-03-04T02:30:00"), utc("2025-03-04T05:00:00"))
        #expect(try await deriving.pointsToFetch(epic: eurusd, resolution: .hour, from: midHour, to: five) == 0)
        let inside = try await deriving.table(epic: eurusd, resolution: .hour, from: midHour, to: five)
        #expect((inside.derived, inside.fetched, inside.pointsSpent, inside.requests) == (3, 0, 0, 0))
        #expect(inside.table.rows == Array(direct.rows[3...5]))
        #expect(await simulator.priceRequests().count == loggedAgain)
    }

    /// Finer coverage in several pieces inside one missing range, one of them starting mid-hour and one at its end:
    /// the whole hours they cover are built, each piece left over is fetched in a request of its own (the hour covered
    /// from its middle fetched whole). Then DAY bars from two finer resolutions (HOUR for one day, MINUTE for another),
    /// a Saturday known empty at MINUTE built as no bar, and the rest fetched.
    static func derivedPieces(_ kind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in try await derivedPiecesSteps(simulator, client, store) }
            }
        }
    }

    /// The body of ``derivedPieces(_:)``, in a function of its own (`.ci/closure-collisions.py`).
    private static func derivedPiecesSteps(
        _ simulator: IGSimulator, _ client: IGClient, _ store: MarketDataStore
    ) async throws {
        let plain = PriceCache(store: store, client: client)
        let deriving = PriceCache(store: store, client: client, derivesCoarserBars: true)
        // Tuesday's MINUTE bars from 01:00 to 02:59, from 05:30 to 08:59 and from 22:00 to 23:59.
        for (start, end) in [("01:00", "02:59"), ("05:30", "08:59"), ("22:00", "23:59")] {
            _ = try await plain.table(
                epic: eurusd, resolution: .minute, from: utc("2025-03-04T\(start):00"),
                to: utc("2025-03-04T\(end):00"))
        }
        let (from, to) = (utc("2025-03-04T00:00:00"), utc("2025-03-04T23:00:00"))
        let logged = await simulator.priceRequests().count
        let estimate = try await deriving.pointsToFetch(epic: eurusd, resolution: .hour, from: from, to: to)
        let hours = try await deriving.table(epic: eurusd, resolution: .hour, from: from, to: to)
        let asked = await requests(simulator, after: logged)
        // Built: 01, 02, 06, 07, 08, 22 and 23 (05 is covered from 05:30 only). Fetched: 00; 03 to 05; 09 to 21.
        #expect(hours.derived == 7)
        #expect(
            asked.map { String($0.from.prefix(16)) } == ["2025-03-04T00:00", "2025-03-04T03:00", "2025-03-04T09:00"])
        #expect(asked.map(\.points) == [1, 3, 13])
        #expect(hours.pointsSpent == asked.map(\.points).reduce(0, +) && hours.fetched == 17 && hours.requests == 3)
        #expect(estimate == hours.pointsSpent)
        let direct = try await client.prices.table(epic: eurusd, resolution: .hour, from: from, to: to)
        #expect(direct.rows.count == 24)
        #expect(hours.table.rows == direct.rows)
        #expect(zip(hours.table.rows, direct.rows).allSatisfy { bitwiseEqual($0, $1) })

        // DAY bars, Monday 2025-03-03 to Sunday 2025-03-09: Thursday's HOUR bars and Friday's MINUTE bars stored,
        // Saturday known empty at MINUTE (FX is closed), Tuesday's finer bars in pieces only.
        _ = try await plain.table(
            epic: eurusd, resolution: .hour, from: utc("2025-03-06T00:00:00"), to: utc("2025-03-06T23:00:00"))
        _ = try await plain.table(
            epic: eurusd, resolution: .minute, from: utc("2025-03-07T00:00:00"), to: utc("2025-03-08T23:59:00"))
        let (monday, sunday) = (utc("2025-03-03T00:00:00"), utc("2025-03-09T00:00:00"))
        let loggedDays = await simulator.priceRequests().count
        let dayEstimate = try await deriving.pointsToFetch(epic: eurusd, resolution: .day, from: monday, to: sunday)
        let days = try await deriving.table(epic: eurusd, resolution: .day, from: monday, to: sunday)
        let askedDays = await requests(simulator, after: loggedDays)
        // Fetched: Monday to Wednesday in one request, Sunday in another (at most one bar each day: 4).
        #expect(askedDays.map { String($0.from.prefix(10)) } == ["2025-03-03", "2025-03-09"])
        #expect(askedDays.allSatisfy { $0.resolution == "DAY" })
        #expect(dayEstimate == 4)
        #expect(days.pointsSpent == askedDays.map(\.points).reduce(0, +) && days.pointsSpent <= dayEstimate)
        #expect(days.derived == 2 && days.fetched == days.pointsSpent)
        let directDays = try await client.prices.table(epic: eurusd, resolution: .day, from: monday, to: sunday)
        #expect(directDays.rows.count == days.fetched + 2)
        #expect(days.table.rows == directDays.rows)
        #expect(zip(days.table.rows, directDays.rows).allSatisfy { bitwiseEqual($0, $1) })
        #expect(!days.table.rows.contains { $0.time == utc("2025-03-08T00:00:00") })
    }

    /// The bar still forming is fetched even when finer bars cover its settled part; the settled hours before it are
    /// built. The last N bars (``PriceCache/latest(epic:resolution:count:now:)``) count built bars apart from stored
    /// ones. The simulator's clock stands still, so the forming hour is the same for the cache and the simulator.
    static func derivedBeforeFormingBar(_ kind: StoreKind) async throws {
        let now = utc("2025-03-04T12:30:00")
        try await withSimulator({ $0.clock = .stepped(start: now) }) { simulator, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    try await derivedBeforeFormingBarSteps(simulator, client, store, now: now)
                }
            }
        }
    }

    /// The body of ``derivedBeforeFormingBar(_:)``, in a function of its own (`.ci/closure-collisions.py`).
    private static func derivedBeforeFormingBarSteps(
        _ simulator: IGSimulator, _ client: IGClient, _ store: MarketDataStore, now: Date
    ) async throws {
        let plain = PriceCache(store: store, client: client)
        let deriving = PriceCache(store: store, client: client, derivesCoarserBars: true)
        // MINUTE bars from 09:00 to now: the settled ones (09:00 to 12:29) are stored.
        _ = try await plain.table(
            epic: eurusd, resolution: .minute, from: utc("2025-03-04T09:00:00"), to: now, now: now)
        let from = utc("2025-03-04T09:00:00")
        let logged = await simulator.priceRequests().count
        let estimate = try await deriving.pointsToFetch(epic: eurusd, resolution: .hour, from: from, to: now, now: now)
        let hours = try await deriving.table(epic: eurusd, resolution: .hour, from: from, to: now, now: now)
        let asked = await requests(simulator, after: logged)
        // 09, 10 and 11 built; the hour in progress (12:00) asked of IG, and not stored.
        #expect(hours.derived == 3)
        #expect(asked.count == 1 && asked.first?.from.hasPrefix("2025-03-04T12:00") == true, "\(asked)")
        #expect((hours.fetched, hours.pointsSpent, hours.requests, hours.fromStore) == (1, 1, 1, 0))
        #expect(estimate == 1)
        let direct = try await client.prices.table(epic: eurusd, resolution: .hour, from: from, to: now)
        #expect(direct.rows.count == 4)
        #expect(hours.table.rows == direct.rows)
        let hourKey = SeriesKey(environment: deriving.environment, epic: eurusd, resolution: .hour)
        #expect(try await store.coverage(hourKey).ranges.isEmpty)

        // HOUR bars stored up to 09:00; the last six: two from the store, three built, the forming one fetched.
        _ = try await plain.table(
            epic: eurusd, resolution: .hour, from: utc("2025-03-04T00:00:00"), to: utc("2025-03-04T08:00:00"),
            now: now)
        let latest = try await deriving.latest(epic: eurusd, resolution: .hour, count: 6, now: now)
        #expect(latest.table.rows.count == 6)
        #expect((latest.fromStore, latest.derived, latest.fetched, latest.pointsSpent) == (2, 3, 1, 1))
        let directLatest = try await client.prices.table(epic: eurusd, resolution: .hour, max: 6)
        #expect(latest.table.rows == directLatest.rows)
    }
}
