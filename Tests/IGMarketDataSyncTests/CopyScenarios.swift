import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading
import Testing

/// Copying history between stores (`MarketDataStore.copy(from:…)`), each scenario run from one engine into another
/// (the SQLite and PostgreSQL suites call these).
enum CopyScenarios {
    static let gbpusd = Epic(rawValue: "CS.D.GBPUSD.TODAY.IP")

    /// Saturday 2025-03-08 to Sunday noon: FX does not trade, so the cache covers it with no bars.
    static let weekend = TimeRange(from: utc("2025-03-08T00:00:00"), to: utc("2025-03-09T12:00:00"))

    /// Fills `store` through the price cache: 120 EUR/USD MINUTE bars, EUR/USD HOUR bars over a weekend (its
    /// empty range included) and a week of GBP/USD DAY bars, with their market details and ledger entries.
    static func fill(_ store: MarketDataStore, client: IGClient, environment: String? = nil) async throws {
        let cache = PriceCache(store: store, client: client, environment: environment)
        _ = try await cache.table(
            epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"), to: utc("2025-03-04T11:59:00"))
        _ = try await cache.table(
            epic: eurusd, resolution: .hour, from: utc("2025-03-07T12:00:00"), to: utc("2025-03-10T11:00:00"))
        _ = try await cache.table(
            epic: gbpusd, resolution: .day, from: utc("2025-03-03T00:00:00"), to: utc("2025-03-07T00:00:00"))
    }

    /// Expects `destination` to hold the series `source` holds (of `environment`, or all) exactly: the same bars value
    /// for value, the same coverage, the same instrument type and bar count.
    static func expectSameSeries(
        _ source: MarketDataStore, _ destination: MarketDataStore, environment: String? = nil
    ) async throws {
        let theirs = try await source.status(environment: environment)
        let ours = try await destination.status(environment: environment)
        #expect(theirs.map(\.key) == ours.map(\.key))
        #expect(theirs.map(\.coverage) == ours.map(\.coverage))
        #expect(theirs.map(\.bars) == ours.map(\.bars))
        for status in theirs {
            let expected = try await source.table(status.key, in: MarketDataStore.storableTimes)
            let copied = try await destination.table(status.key, in: MarketDataStore.storableTimes)
            #expect(copied.rows == expected.rows, "\(status.key)")
            #expect(zip(copied.rows, expected.rows).allSatisfy { CacheScenarios.bitwiseEqual($0, $1) })
            #expect(copied.instrumentType == expected.instrumentType)
        }
    }

    /// Everything is copied, value for value, with the empty ranges, the market details and the ledger; a copy
    /// repeated (or back) copies nothing; and a cache over the copy spends no point on the copied ranges.
    static func copiesEverything(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withSimulator { simulator, url in
            try await withClient(url) { client in
                try await withStore(sourceKind) { source in
                    try await fill(source, client: client)
                    let environment = client.configuration.environment.storeName
                    try await withStore(destinationKind) { destination in
                        let sourceBars = try await source.status().reduce(0) { $0 + $1.bars }
                        let sourceLedger = try await source.ledger(environment: environment, since: .distantPast)
                        let log = ProgressLog()
                        let report = try await destination.copy(from: source, pageSize: 50) { log.add($0) }
                        let updates = log.entries
                        #expect(report.series.count == 3)
                        #expect(report.bars == sourceBars)
                        #expect(report.series.allSatisfy { $0.bars == $0.sourceBars })
                        #expect(report.ledgerEntries == sourceLedger.count)
                        #expect(report.markets == 2)
                        #expect(!report.dryRun)
                        // 120 MINUTE bars in pages of 50: three pages for that series alone.
                        #expect(updates.count >= 5)
                        #expect(updates.last?.bars == sourceBars)
                        #expect(updates.last?.seriesDone == 3)

                        try await expectSameSeries(source, destination)
                        // The weekend is covered with no bars in the copy too.
                        let hourly = SeriesKey(environment: environment, epic: eurusd, resolution: .hour)
                        #expect(try await destination.coverage(hourly).covers(weekend))
                        #expect(try await destination.table(hourly, in: weekend).rows.isEmpty)
                        #expect(
                            try await destination.ledger(environment: environment, since: .distantPast) == sourceLedger)
                        let week = Date().addingTimeInterval(-7 * 86_400)
                        #expect(
                            try await destination.allowance(environment: environment, since: week)
                                == source.allowance(environment: environment, since: week))
                        for epic in [eurusd, gbpusd] {
                            let expected = try await source.market(epic: epic.rawValue, environment: environment)
                            #expect(expected != nil)
                            #expect(
                                try await destination.market(epic: epic.rawValue, environment: environment) == expected)
                        }

                        // Again, and back the other way: nothing to copy, nothing added.
                        let again = try await destination.copy(from: source)
                        #expect(again.isEmpty && again.bars == 0 && again.ranges == 0)
                        #expect(again.series.count == 3 && again.series.allSatisfy(\.isCovered))
                        let back = try await source.copy(from: destination)
                        #expect(back.isEmpty)
                        #expect(
                            try await destination.ledger(environment: environment, since: .distantPast) == sourceLedger)
                        #expect(try await source.ledger(environment: environment, since: .distantPast) == sourceLedger)

                        // A cache over the copy serves the copied ranges without asking IG.
                        let served = await CacheScenarios.pointsServed(simulator)
                        let requests = await simulator.statistics().priceRequests
                        let cache = PriceCache(store: destination, client: client)
                        let minutes = try await cache.table(
                            epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                            to: utc("2025-03-04T11:59:00"))
                        #expect(minutes.pointsSpent == 0 && minutes.requests == 0 && minutes.fromStore == 120)
                        let hours = try await cache.table(
                            epic: eurusd, resolution: .hour, from: utc("2025-03-07T12:00:00"),
                            to: utc("2025-03-10T11:00:00"))
                        #expect(hours.pointsSpent == 0 && hours.requests == 0)
                        #expect(await CacheScenarios.pointsServed(simulator) == served)
                        #expect(await simulator.statistics().priceRequests == requests)
                    }
                }
            }
        }
    }

    /// A destination that covers part of a series gets only the rest, in pieces, page by page; the result equals the
    /// source.
    static func copiesOnlyTheRest(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(sourceKind) { source in
                    try await withStore(destinationKind) { destination in
                        // The source: 10:00 to 11:59; the destination already 10:30 to 11:29 (paid for itself).
                        _ = try await PriceCache(store: source, client: client).table(
                            epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:00:00"),
                            to: utc("2025-03-04T11:59:00"))
                        _ = try await PriceCache(store: destination, client: client).table(
                            epic: eurusd, resolution: .minute, from: utc("2025-03-04T10:30:00"),
                            to: utc("2025-03-04T11:29:00"))
                        let environment = client.configuration.environment.storeName
                        let key = SeriesKey(environment: environment, epic: eurusd, resolution: .minute)
                        let plan = try await destination.copy(from: source, dryRun: true)
                        #expect(plan.dryRun)
                        #expect(try await destination.table(key, in: MarketDataStore.storableTimes).rows.count == 60)

                        let report = try await destination.copy(from: source, pageSize: 7)
                        let expected = [
                            TimeRange(from: utc("2025-03-04T10:00:00"), to: utc("2025-03-04T10:30:00")),
                            TimeRange(from: utc("2025-03-04T11:30:00"), to: utc("2025-03-04T12:00:00")),
                        ]
                        #expect(report.series.map(\.ranges) == [expected])
                        #expect(report.bars == 60)
                        #expect(plan.series.map(\.ranges) == [expected] && plan.bars == 60)
                        // The destination's own ledger entry stays; the source's is added.
                        #expect(report.ledgerEntries == 1)
                        #expect(try await destination.ledger(environment: environment, since: .distantPast).count == 2)
                        try await expectSameSeries(source, destination)
                        #expect(try await destination.copy(from: source).bars == 0)
                    }
                }
            }
        }
    }

    /// Filters choose environments, epics (in any letter case) and resolutions, for the ledger and the market
    /// details too; a dry run writes nothing; market details newer in the destination are kept.
    static func filtersAndDryRun(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(sourceKind) { source in
                    try await fill(source, client: client)
                    try await fill(source, client: client, environment: "DEMO")
                    let simulatorName = client.configuration.environment.storeName
                    try await withStore(destinationKind) { destination in
                        let plan = try await destination.copy(from: source, dryRun: true)
                        #expect(plan.dryRun && plan.series.count == 6 && plan.markets == 4)
                        #expect(plan.bars == (try await source.status()).reduce(0) { $0 + $1.bars })
                        #expect(try await destination.status().isEmpty)
                        #expect(try await destination.ledgerEnvironments(since: .distantPast).isEmpty)
                        #expect(try await destination.market(epic: eurusd.rawValue, environment: "DEMO") == nil)

                        let chosen = try await destination.copy(
                            from: source, environment: "DEMO", epics: [Epic(rawValue: "cs.d.eurusd.today.ip")],
                            resolutions: [.minute])
                        let key = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
                        #expect(chosen.series.map(\.key) == [key])
                        #expect(chosen.bars == 120 && chosen.markets == 1)
                        #expect(try await destination.status().map(\.key) == [key])
                        let ledger = try await destination.ledger(environment: "DEMO", since: .distantPast)
                        #expect(!ledger.isEmpty && chosen.ledgerEntries == ledger.count)
                        #expect(ledger.allSatisfy { $0.epic == eurusd.rawValue && $0.resolution == "MINUTE" })
                        #expect(try await destination.market(epic: gbpusd.rawValue, environment: "DEMO") == nil)
                        #expect(try await destination.ledger(environment: simulatorName, since: .distantPast).isEmpty)

                        // Details newer in the destination stay; older ones are replaced.
                        let held = try #require(try await source.market(epic: gbpusd.rawValue, environment: "DEMO"))
                        var newer = try #require(try await source.market(epic: eurusd.rawValue, environment: "DEMO"))
                        newer.name = "kept"
                        newer.updatedAt = held.updatedAt.addingTimeInterval(3_600)
                        try await destination.save(newer, environment: "DEMO")
                        var older = held
                        older.name = "replaced"
                        older.updatedAt = utc("2020-01-01T00:00:00")
                        try await destination.save(older, environment: "DEMO")

                        let rest = try await destination.copy(from: source)
                        #expect(rest.series.filter { !$0.isCovered }.count == 5)
                        #expect(rest.markets == 3)
                        #expect(
                            try await destination.market(epic: eurusd.rawValue, environment: "DEMO")?.name == "kept")
                        #expect(try await destination.market(epic: gbpusd.rawValue, environment: "DEMO") == held)
                        try await expectSameSeries(source, destination)
                        for environment in ["DEMO", simulatorName] {
                            #expect(
                                try await destination.ledger(environment: environment, since: .distantPast)
                                    .sorted { "\($0)" < "\($1)" }
                                    == source.ledger(environment: environment, since: .distantPast)
                                    .sorted { "\($0)" < "\($1)" })
                        }
                        #expect(try await destination.copy(from: source).isEmpty)
                    }
                }
            }
        }
    }

    /// A store copied onto itself, under any spelling of its location, is refused with ``StoreError/Code/sameStore``
    /// and nothing is written.
    static func sameStore(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            await #expect {
                _ = try await store.copy(from: store)
            } throws: {
                ($0 as? StoreError)?.code == .sameStore
            }
            switch store.location {
            case .sqlite(let path):
                // Another spelling of the same file, opened on its own.
                let folder = (path as NSString).deletingLastPathComponent
                let alias = StoreLocation.sqlite(path: folder + "/./" + (path as NSString).lastPathComponent)
                #expect(alias != store.location && alias.isSameStore(as: store.location))
                let other = try await MarketDataStore.open(alias, readOnly: true)
                await #expect {
                    _ = try await store.copy(from: other)
                } throws: { error in
                    guard let error = error as? StoreError else { return false }
                    return error.code == .sameStore && error.hint != nil
                }
                await other.close()
            case .postgres(let url):
                // The loopback under another name, another user: the same database.
                var alias = url
                alias.host = url.host == "localhost" ? "127.0.0.1" : "localhost"
                alias.user = "someone_else"
                #expect(StoreLocation.postgres(alias).isSameStore(as: store.location))
                alias.database += "_other"
                #expect(!StoreLocation.postgres(alias).isSameStore(as: store.location))
            }
            #expect(try await store.status().isEmpty)
        }
    }
}
