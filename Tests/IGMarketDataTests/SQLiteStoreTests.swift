import Foundation
import GRDB
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("SQLite store: opening, refusing bad files, atomic commits")
struct SQLiteStoreTests {
    static let key = SeriesKey(environment: "DEMO", epic: Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), resolution: .minute)

    static func bar(_ time: Int64, _ price: String) -> PriceTable.Row { .flat(time, price) }

    @Test("a missing file and its directory are created, and reopening keeps the data")
    func createAndReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/nested/dir/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(
                FetchedBars(
                    key: Self.key, rows: [Self.bar(60, "1.08123"), Self.bar(120, "1.08125")],
                    covered: TimeRange(start: 60, end: 180)))
            await store.close()
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            let table = try await reopened.table(Self.key, in: TimeRange(start: 0, end: 1000))
            #expect(table.rows == [Self.bar(60, "1.08123"), Self.bar(120, "1.08125")])
            #expect(try await reopened.coverage(Self.key).ranges == [TimeRange(start: 60, end: 180)])
            await reopened.close()
        }
    }

    @Test("several processes opening, reading and closing one store wait for each other instead of failing")
    func concurrentOpenAndClose() async throws {
        try await withTemporaryDirectory { directory in
            let location = StoreLocation.sqlite(path: directory + "/store.sqlite")
            let first = try await MarketDataStore.open(location)
            try await first.commit(
                FetchedBars(key: Self.key, rows: [Self.bar(60, "1.08123")], covered: TimeRange(start: 60, end: 120)))
            await first.close()
            // Each close checkpoints the WAL under an exclusive lock; an open meanwhile inspected the file without a
            // busy timeout and failed with "database is locked" (seen as `ig history status` beside other commands).
            try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var opened = 0
                        for round in 0..<25 {
                            let store = try await MarketDataStore.open(location)
                            if worker == 0 {
                                try await store.commit(
                                    FetchedBars(
                                        key: Self.key, rows: [Self.bar(Int64(120 + round * 60), "1.08")],
                                        covered: TimeRange(start: Int64(120 + round * 60), end: Int64(180 + round * 60))
                                    ))
                            } else {
                                _ = try await store.status()
                            }
                            await store.close()
                            opened += 1
                        }
                        return opened
                    }
                }
                var opened = 0
                for try await count in group { opened += count }
                #expect(opened == 100)
            }
            let last = try await MarketDataStore.open(location)
            #expect(try await last.status().map(\.bars) == [26])
            await last.close()
        }
    }

    @Test("a time outside the years 1 to 9999 is refused before anything is written; the store stays readable")
    func timesOutsideTheStore() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/store.sqlite"))
            let first = MarketDataStore.storableTimes.start
            let huge = PriceTable.Row(
                time: Date(timeIntervalSince1970: 1e30), bid: Self.bar(0, "1").bid, ask: Self.bar(0, "1").ask,
                lastTraded: Self.bar(0, "1").lastTraded, volume: nil)
            let refused = [
                FetchedBars(key: Self.key, rows: [], covered: TimeRange(start: first - 86_400, end: first + 60)),
                FetchedBars(key: Self.key, rows: [Self.bar(first - 60, "1.1")], covered: TimeRange(start: 0, end: 0)),
                FetchedBars(key: Self.key, rows: [huge], covered: TimeRange(start: 0, end: 0)),
            ]
            for batch in refused {
                let error = await #expect(throws: StoreError.self) { try await store.commit(batch) }
                #expect(error?.code == .unrepresentableValue)
                #expect(error?.message.contains("outside the years 1 to 9999") == true)
            }
            await #expect(throws: StoreError.self) {
                try await store.commit(
                    FetchedBars(key: Self.key, rows: [], covered: TimeRange(start: 0, end: 60)),
                    now: Date(timeIntervalSince1970: -1e300))
            }
            // The first second the store holds is stored and read back; nothing of the refused batches is.
            try await store.commit(
                FetchedBars(
                    key: Self.key, rows: [Self.bar(first, "1.1")], covered: TimeRange(start: first, end: first + 60)))
            #expect(try await store.table(Self.key, in: MarketDataStore.storableTimes).rows == [Self.bar(first, "1.1")])
            #expect(try await store.status().map(\.bars) == [1])
            #expect(try await store.coverage(Self.key).ranges == [TimeRange(start: first, end: first + 60)])
            await store.close()
        }
    }

    @Test("a file that is not SQLite is refused with a clear error and left byte for byte untouched")
    func corruptFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/notes.sqlite"
            let content = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            try content.write(to: URL(fileURLWithPath: path))
            await #expect {
                _ = try await MarketDataStore.open(.sqlite(path: path))
            } throws: { error in
                (error as? StoreError)?.code == .notADatabase && "\(error)".contains("left untouched")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    @Test("an SQLite database of another application is refused and left untouched")
    func foreignDatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/other.sqlite"
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: "CREATE TABLE contacts (name TEXT)")
                try db.execute(sql: "INSERT INTO contacts VALUES ('Ada')")
            }
            try other.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            await #expect {
                _ = try await MarketDataStore.open(.sqlite(path: path))
            } throws: { error in
                (error as? StoreError)?.code == .foreignDatabase
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test("a store written by a newer schema version is refused with a message")
    func newerSchema() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            await store.close()
            let raw = try DatabaseQueue(path: path)
            try await raw.write { db in
                try db.execute(sql: "UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
            }
            try raw.close()
            await #expect {
                _ = try await MarketDataStore.open(.sqlite(path: path))
            } throws: { error in
                guard let error = error as? StoreError else { return false }
                return error.code == .newerSchema && error.message.contains("99") && error.hint != nil
            }
        }
    }

    @Test("a version 3 store is migrated on open: bars kept, the foreign key of bars dropped, each series counted")
    func migratesVersion3() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let rows = [Self.bar(60, "1.08123"), Self.bar(120, "1.08125")]
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(FetchedBars(key: Self.key, rows: rows, covered: TimeRange(start: 60, end: 180)))
            await store.close()
            // Back to the shape versions 1 to 3 wrote: bars.series_id references series(id).
            let values = BarCodec.valueColumns.map { "\($0) BIGINT" }.joined(separator: ", ")
            let orphan = "INSERT INTO bars (series_id, time, scale) VALUES (999999, 0, 0)"
            let raw = try DatabaseQueue(path: path)
            try await raw.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE bars_v3 (series_id BIGINT NOT NULL REFERENCES series(id), time BIGINT NOT NULL,
                        scale SMALLINT NOT NULL, \(values), PRIMARY KEY (series_id, time)) WITHOUT ROWID;
                        INSERT INTO bars_v3 SELECT * FROM bars;
                        DROP TABLE bars;
                        ALTER TABLE bars_v3 RENAME TO bars;
                        ALTER TABLE series DROP COLUMN bar_count;
                        UPDATE store_meta SET value = '3' WHERE key = 'schema_version';
                        """)
            }
            await #expect(throws: DatabaseError.self) { try await raw.write { try $0.execute(sql: orphan) } }
            try raw.close()
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            #expect(try await reopened.table(Self.key, in: TimeRange(start: 0, end: 1000)).rows == rows)
            #expect(try await reopened.status().map(\.bars) == [2])
            await reopened.close()
            let migrated = try DatabaseQueue(path: path)
            let version = try await migrated.read {
                try String.fetchOne($0, sql: "SELECT value FROM store_meta WHERE key = 'schema_version'")
            }
            #expect(version == "5")
            // GRDB enforces foreign keys: the orphan row is accepted only because the constraint is gone.
            try await migrated.write { try $0.execute(sql: orphan) }
            try migrated.close()
        }
    }

    @Test("a location that is a directory or an unknown URL gets a typed error with a hint")
    func badLocations() async throws {
        _ = try await withTemporaryDirectory { directory in
            await #expect {
                _ = try await MarketDataStore.open(.sqlite(path: directory))
            } throws: { ($0 as? StoreError)?.code == .invalidLocation }
        }
        #expect(throws: StoreError.self) { _ = try StoreLocation(parsing: "mysql://host/db") }
        #expect(throws: StoreError.self) { _ = try StoreLocation(parsing: "postgres://127.0.0.1/db") }
        #expect(throws: StoreError.self) { _ = try StoreLocation(parsing: "") }
        let parsed = try StoreLocation(parsing: "postgres://ig:secret@127.0.0.1:5433/bars")
        #expect(!parsed.description.contains("secret"))
    }

    @Test("a mistyped PostgreSQL URL is refused, never taken as a file path, and no error shows its password")
    func mistypedURLs() throws {
        #expect(
            try StoreLocation(parsing: "Postgres://ig@127.0.0.1:5433/bars")
                == StoreLocation(parsing: "postgres://ig@127.0.0.1:5433/bars"))
        #expect(
            try StoreLocation(parsing: "POSTGRESQL://ig@127.0.0.1/bars").description
                == "postgres://ig@127.0.0.1:5432/bars")
        for text in [
            "postgres:/ig:S3cretPW@127.0.0.1:5433/bars", "postgres:ig:S3cretPW@127.0.0.1:5433/bars",
            "PostgreSQL:ig:S3cretPW@host/bars", "mysql://ig:S3cretPW@127.0.0.1/bars", "https://ig:S3cretPW@host/bars",
            "postgres://ig:S3cretPW@127.0.0.1:abc/bars", "postgres://ig:S3cretPW@127.0.0.1:-5/bars",
            "postgres://ig:S3cretPW@127.0.0.1:99999/bars", "postgres://ig:S3cretPW@/bars",
        ] {
            do {
                _ = try StoreLocation(parsing: text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.code == .invalidLocation, "\(text)")
                #expect(!"\(error)".contains("S3cretPW"), "\(error)")
                #expect(!error.description.contains("S3cretPW") && !(error.hint ?? "").contains("S3cretPW"), "\(text)")
            }
        }
    }

    @Test("nothing is marked covered unless its bars are committed")
    func atomicCommit() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/store.sqlite"))
            var bad = Self.bar(120, "1.5")
            bad.volume = Decimal(string: "123456789012345678901234567890")!
            await #expect(throws: StoreError.self) {
                try await store.commit(
                    FetchedBars(
                        key: Self.key, rows: [Self.bar(60, "1.4"), bad], covered: TimeRange(start: 60, end: 180)))
            }
            #expect(try await store.coverage(Self.key).ranges.isEmpty)
            #expect(try await store.table(Self.key, in: TimeRange(start: 0, end: 1000)).rows.isEmpty)
            await store.close()
        }
    }
}
