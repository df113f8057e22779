import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so these run in CI.
@Suite("PostgreSQL writes (COPY) and deadlines", .enabled(if: PostgresTesting.available))
struct PostgresWriteTests {
    static let key = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
    static let everything = TimeRange(start: 0, end: Int64.max / 2)

    /// `count` MINUTE bars from `start` with 5-decimal prices shifted by `shift`, every seventh one with last-traded
    /// values and no volume.
    static func bars(_ count: Int, from start: Int64, shift: Int64 = 0) -> [PriceTable.Row] {
        (0..<count).map { index in
            let time = start + Int64(index) * 60
            func price(_ offset: Int64) -> Decimal {
                Decimal(sign: .plus, exponent: -5, significand: Decimal(108_000 + (time / 60) % 997 + offset + shift))
            }
            let traded = index % 7 == 0
            return PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(time)),
                bid: .init(open: price(0), high: price(3), low: price(-2), close: price(1)),
                ask: .init(open: price(6), high: price(9), low: price(4), close: price(7)),
                lastTraded: traded
                    ? .init(open: price(2), high: price(5), low: price(-1), close: price(-3))
                    : .init(open: nil, high: nil, low: nil, close: nil),
                volume: traded ? nil : Decimal(index % 500))
        }
    }

    static func batch(_ rows: [PriceTable.Row]) -> FetchedBars {
        let times = rows.map { TimeRange.seconds($0.time) }
        return FetchedBars(
            key: key, rows: rows, covered: TimeRange(start: times.min() ?? 0, end: (times.max() ?? 0) + 60))
    }

    @Test("bars written with COPY come back exactly; an overlapping batch replaces the bars it repeats")
    func copyAndUpsert() async throws {
        try await withStore(.postgres) { store in
            let start: Int64 = 1_741_046_400
            let first = Self.bars(3_000, from: start)
            try await store.commit(Self.batch(first))
            #expect(try await store.table(Self.key, in: Self.everything).rows == first)
            // The second half again with other prices, and 1,500 new bars after it.
            let second = Self.bars(3_000, from: start + 1_500 * 60, shift: 50)
            try await store.commit(Self.batch(second))
            let expected = Array(first.prefix(1_500)) + second
            #expect(try await store.table(Self.key, in: Self.everything).rows == expected)
            // A batch out of order, with one start twice: ordered, and the later of the two kept.
            var shuffled = Self.bars(10, from: start + 10_000 * 60, shift: 7).reversed().map { $0 }
            var twice = shuffled[3]
            twice.volume = 424_242
            shuffled.append(twice)
            try await store.commit(Self.batch(shuffled))
            let tail = try await store.table(
                Self.key, in: TimeRange(start: start + 10_000 * 60, end: start + 10_010 * 60)
            ).rows
            #expect(tail.map(\.time) == shuffled.prefix(10).map(\.time).sorted())
            #expect(tail.first { $0.time == twice.time }?.volume == 424_242)
            #expect(try await store.coverage(Self.key).ranges.count == 2)
        }
    }

    // The first COPY version was dropped after a stall: its staging table kept `bars`' NOT NULL series_id, which the
    // COPY did not send, so the server failed the COPY while bars were still streaming. A failure in the middle of a
    // COPY must end in an error, leave nothing of the batch behind and keep the connection usable.
    @Test(
        "a COPY that fails midway (a value with no exact form, or a refused row) rolls back and the store goes on",
        arguments: [false, true])
    func copyFailingMidway(overlapping: Bool) async throws {
        try await withPostgresDatabase { database in
            try await withOpenStore(database + "?query_timeout=60") { store in
                let start: Int64 = 1_741_046_400
                if overlapping { try await store.commit(Self.batch(Self.bars(10, from: start))) }
                var rows = Self.bars(150_000, from: start)
                rows[120_000].bid.close = Decimal(string: "123456789012345678901234567890")!
                await #expect {
                    try await store.commit(Self.batch(rows))
                } throws: { ($0 as? StoreError)?.code == .unrepresentableValue }
                let kept = try await store.table(Self.key, in: Self.everything).rows
                #expect(kept.count == (overlapping ? 10 : 0))
                // The server refuses a row (a constraint added for the test) after 100,000 were sent.
                let parsed = try PostgresURL(parsing: database)
                try await runSQL(
                    parsed,
                    "ALTER TABLE bars ADD CONSTRAINT test_volume CHECK (volume IS NULL OR volume < 100000000000000)",
                    database: parsed.database)
                var refused = Self.bars(150_000, from: start)
                // Stored at the rows' scale of 5: 10^15, above the constraint's 10^14.
                refused[100_000].volume = 10_000_000_000
                await #expect(throws: StoreError.self) { try await store.commit(Self.batch(refused)) }
                #expect(try await store.table(Self.key, in: Self.everything).rows.count == (overlapping ? 10 : 0))
                // The connection still works.
                let good = Self.bars(2_000, from: start)
                try await store.commit(Self.batch(good))
                #expect(try await store.table(Self.key, in: Self.everything).rows == good)
            }
        }
    }

    @Test("a version 3 store is migrated on open: bars kept, the foreign key of bars dropped, each series counted")
    func migratesVersion3() async throws {
        try await withPostgresDatabase { database in
            let parsed = try PostgresURL(parsing: database)
            let rows = Self.bars(100, from: 1_741_046_400)
            try await withOpenStore(database) { try await $0.commit(Self.batch(rows)) }
            // Back to the shape versions 1 to 3 wrote: bars.series_id references series(id).
            try await runSQL(
                parsed,
                """
                ALTER TABLE bars ADD CONSTRAINT bars_series_id_fkey FOREIGN KEY (series_id) REFERENCES series(id);
                ALTER TABLE series DROP COLUMN bar_count;
                UPDATE store_meta SET value = '3' WHERE key = 'schema_version'
                """, database: parsed.database)
            let orphan = "INSERT INTO bars (series_id, time, scale) VALUES (999999, 0, 0)"
            await #expect(throws: StoreError.self) { try await runSQL(parsed, orphan, database: parsed.database) }
            let (kept, status) = try await withOpenStore(database) {
                (try await $0.table(Self.key, in: Self.everything), try await $0.status())
            }
            #expect(kept.rows == rows)
            #expect(status.map(\.bars) == [100])
            // Accepted only because the constraint is gone. The division fails (and psql with it) unless the
            // version says 5.
            try await runSQL(parsed, orphan, database: parsed.database)
            try await runSQL(
                parsed, "SELECT 1 / (value = '5')::int FROM store_meta WHERE key = 'schema_version'",
                database: parsed.database)
        }
    }

    @Test("an operation the server does not answer in time fails with a connection error; later ones fail fast")
    func deadline() async throws {
        try await withPostgresDatabase { database in
            let parsed = try PostgresURL(parsing: database)
            try await withOpenStore(database) { store in
                try await store.commit(Self.batch(Self.bars(10, from: 1_741_046_400)))
            }
            // The store is opened first (with a 5 s deadline: under a loaded machine, opening alone has taken more than 2 s), so only the commit meets the lock below.
            try await withOpenStore(database + "?query_timeout=5") { store in
                // Another session holds the series table until it is killed.
                let holder = try psqlProcess(
                    parsed, "BEGIN; LOCK TABLE series IN EXCLUSIVE MODE; SELECT pg_sleep(600);",
                    database: parsed.database)
                defer { holder.send() }
                while true {
                    do {
                        try await runSQL(
                            parsed,
                            """
                            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                            WHERE c.relname = 'series' AND l.mode = 'ExclusiveLock' AND l.granted)
                            THEN RAISE EXCEPTION 'not yet'; END IF; END $$
                            """, database: parsed.database)
                        break
                    } catch {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                await #expect {
                    try await store.commit(Self.batch(Self.bars(10, from: 1_741_046_400 + 86_400)))
                } throws: { error in
                    guard let error = error as? StoreError else { return false }
                    return error.code == .connection && error.message.contains("did not answer within 5 s")
                        && error.hint?.contains("query_timeout") == true
                }
                await #expect {
                    _ = try await store.coverage(Self.key)
                } throws: { ($0 as? StoreError)?.code == .connection }
                // Ending psql would leave its server session asleep, holding the lock: end the session itself.
                try await runSQL(
                    parsed,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(600)%' "
                        + "AND pid <> pg_backend_pid()")
                while holder.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            }
            try await withOpenStore(database) { store in
                let rows = try await store.table(Self.key, in: Self.everything).rows
                #expect(rows.count == 10)
            }
        }
    }

    @Test("query_timeout in the URL is parsed; a bad one or an unknown parameter is refused with a hint")
    func timeoutParameter() throws {
        #expect(try PostgresURL(parsing: "postgres://ig@db/ig?query_timeout=2.5").queryTimeout == .milliseconds(2_500))
        #expect(try PostgresURL(parsing: "postgres://ig@db/ig").queryTimeout == .seconds(30))
        for text in [
            "postgres://ig@db/ig?query_timeout=0", "postgres://ig@db/ig?query_timeout=x",
            "postgres://ig@db/ig?sslmode=sometimes",
        ] {
            #expect {
                _ = try PostgresURL(parsing: text)
            } throws: { ($0 as? StoreError)?.code == .invalidLocation && ($0 as? StoreError)?.hint != nil }
        }
    }
}
