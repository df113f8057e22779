import Foundation
import IGMarketData
import IGModels
import Testing

/// Forgetting a series or an environment, on each engine (the SQLite and PostgreSQL suites call these).
enum ForgetScenarios {
    static let start: Int64 = 1_741_046_400  // 2025-03-04 00:00 UTC

    /// `count` MINUTE bars from `start`, with a ledger entry of as many points.
    static func batch(_ key: SeriesKey, count: Int, from first: Int64 = start) -> FetchedBars {
        let rows = (0..<count).map { index in
            let price = Decimal(sign: .plus, exponent: -5, significand: Decimal(108_000 + index))
            return PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(first + Int64(index) * 60)),
                bid: .init(open: price, high: price, low: price, close: price),
                ask: .init(open: price, high: price, low: price, close: price),
                lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: Decimal(index))
        }
        let range = TimeRange(start: first, end: first + Int64(count) * 60)
        return FetchedBars(
            key: key, rows: rows, covered: range,
            ledger: LedgerEntry(
                at: Date(), account: "ACC", epic: key.epic.rawValue, resolution: key.resolution.rawValue, range: range,
                points: count, remaining: 9_000, total: 10_000, resetsAt: Date().addingTimeInterval(86_400)))
    }

    static let everything = TimeRange(start: 0, end: Int64.max / 2)

    /// A forgotten series loses its bars, coverage and queued units, and nothing else; it can be filled again.
    static func series(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let minute = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
            let hour = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let live = SeriesKey(environment: "LIVE", epic: eurusd, resolution: .minute)
            for (key, count) in [(minute, 120), (hour, 3), (live, 60)] {
                try await store.commit(batch(key, count: count))
            }
            try await store.enqueue([
                PlannedUnit(
                    key: minute, range: TimeRange(start: start + 86_400, end: start + 2 * 86_400), points: 1440,
                    priority: 1),
                PlannedUnit(
                    key: hour, range: TimeRange(start: start + 86_400, end: start + 2 * 86_400), points: 24, priority: 2
                ),
            ])
            let spentBefore = try await store.allowance(environment: "DEMO", since: .distantPast).first?.spent

            let summary = try await store.forget(minute)
            #expect(summary == ForgetSummary(series: 1, bars: 120))
            #expect(try await store.table(minute, in: everything).rows.isEmpty)
            #expect(try await store.coverage(minute).ranges.isEmpty)
            #expect(try await store.status(environment: "DEMO").map(\.key) == [hour])
            #expect(try await store.queue(environment: "DEMO") == QueueStatus(pending: 1, claimed: 0, done: 0))
            // The ledger keeps what was paid; the other series are whole.
            #expect(try await store.allowance(environment: "DEMO", since: .distantPast).first?.spent == spentBefore)
            #expect(try await store.ledgerEnvironments(since: .distantPast) == ["DEMO", "LIVE"])
            #expect(try await store.ledgerEnvironments(since: .distantFuture).isEmpty)
            #expect(try await store.table(hour, in: everything).rows.count == 3)
            #expect(try await store.table(live, in: everything).rows.count == 60)

            // Forgotten twice: nothing more. Filled again: a new series counts only its new bars.
            #expect(try await store.forget(minute).isEmpty)
            try await store.commit(batch(minute, count: 10))
            #expect(try await store.table(minute, in: everything).rows == batch(minute, count: 10).rows)
            #expect(try await store.status(environment: "DEMO").first { $0.key == minute }?.bars == 10)
        }
    }

    /// A forgotten environment loses every row of its own, recordings and ledger included; others keep theirs.
    static func environment(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for environment in ["BENCH-1", "DEMO"] {
                let key = SeriesKey(environment: environment, epic: eurusd, resolution: .minute)
                try await store.commit(batch(key, count: 30))
                try await store.commit(
                    batch(SeriesKey(environment: environment, epic: eurusd, resolution: .hour), count: 2))
                let stream = RecordedStream(environment: environment, epic: eurusd, stream: "TICK")
                try await store.record(
                    RecordingBatch(
                        environment: environment, ticks: RecordingStoreScenarios.ticks([60_000, 61_000]),
                        spans: [RecordedSpan(stream: stream, start: 60_000, end: 61_000)],
                        gaps: [RecordedGap(stream: stream, start: 61_000, end: 62_000, reason: "session")],
                        prices: [RecordedPrice(epic: eurusd, time: 60_000, bid: 1, ask: 2)],
                        accountUpdates: [RecordedAccountUpdate(item: "ACCOUNT:ACC", time: 60_000, update: "{}")]))
                try await store.save(
                    StoredMarket(
                        epic: eurusd.rawValue, name: "EUR/USD", instrumentType: "CURRENCIES", scalingFactor: 10_000,
                        details: Data("{}".utf8), updatedAt: Date()),
                    environment: environment)
            }

            let summary = try await store.forget(environment: "BENCH-1")
            // Two series, 32 bars; 2 ticks + 1 span + 1 gap + 1 price + 1 account update; two ledger entries.
            #expect(summary == ForgetSummary(series: 2, bars: 32, recordedRows: 6, ledgerEntries: 2))
            #expect(try await store.status(environment: "BENCH-1").isEmpty)
            #expect(try await store.ledger(environment: "BENCH-1", since: .distantPast).isEmpty)
            #expect(try await store.ledgerEnvironments(since: .distantPast) == ["DEMO"])
            #expect(try await store.market(epic: eurusd.rawValue, environment: "BENCH-1") == nil)
            let epoch = Date(timeIntervalSince1970: 0)
            let later = Date(timeIntervalSince1970: 1000)
            #expect(try await store.ticks(eurusd, environment: "BENCH-1", from: epoch, to: later).isEmpty)
            #expect(try await store.gaps(environment: "BENCH-1").isEmpty)
            #expect(try await store.accountUpdates(environment: "BENCH-1").isEmpty)

            // DEMO is whole.
            #expect(try await store.status(environment: "DEMO").map(\.bars).sorted() == [2, 30])
            #expect(try await store.ledger(environment: "DEMO", since: .distantPast).count == 2)
            #expect(try await store.ticks(eurusd, environment: "DEMO", from: epoch, to: later).count == 2)
            #expect(try await store.gaps(environment: "DEMO").count == 1)
            #expect(try await store.market(epic: eurusd.rawValue, environment: "DEMO") != nil)

            #expect(try await store.forget(environment: "BENCH-1").isEmpty)
            #expect(try await store.forget(environment: "NEVER-STORED").isEmpty)
        }
    }

    /// Commits into a series while another connection forgets it, over and over: no bar is ever left without its
    /// series, and the series counts exactly the bars it holds.
    static func raceOnPostgres() async throws {
        try await withPostgresDatabase { url in
            let location = try StoreLocation(parsing: url)
            let writer = try await MarketDataStore.open(location)
            let forgetter: MarketDataStore
            do { forgetter = try await MarketDataStore.open(location) } catch {
                await writer.close()
                throw error
            }
            do {
                try await race(writer: writer, forgetter: forgetter, url: url)
            } catch {
                await writer.close()
                await forgetter.close()
                throw error
            }
            await writer.close()
            await forgetter.close()
        }
    }

    private static func race(writer: MarketDataStore, forgetter: MarketDataStore, url: String) async throws {
        let key = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
        let forgotten = try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for index in 0..<40 {
                    try await writer.commit(batch(key, count: 300, from: start + Int64(index) * 300 * 60))
                }
                return 0
            }
            group.addTask {
                var removed = 0
                for _ in 0..<40 {
                    removed += try await forgetter.forget(key).series
                    try await Task.sleep(for: .milliseconds(2))
                }
                return removed
            }
            return try await group.reduce(0, +)
        }
        let parsed = try PostgresURL(parsing: url)
        let orphans = try await querySQL(
            parsed, "SELECT count(*) FROM bars WHERE series_id NOT IN (SELECT id FROM series)",
            database: parsed.database)
        #expect(orphans == "0")
        let stored = try await writer.table(key, in: everything).rows.count
        let counted = try await writer.status(environment: "DEMO").first?.bars ?? 0
        #expect(counted == stored)
        #expect(forgotten > 0, "the forgets never found the series: the race was not run")
    }
}
