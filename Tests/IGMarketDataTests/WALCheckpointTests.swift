import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("SQLite store: the write-ahead log is checkpointed beside the writer")
struct WALCheckpointTests {
    static let key = SeriesKey(environment: "DEMO", epic: Epic(rawValue: "CS.D.GBPUSD.TODAY.IP"), resolution: .minute)

    /// 60,000 MINUTE bars: some 4,000 pages, well past the 1,000 that start a checkpoint.
    static let rows = (0..<60_000).map { BulkInsertTests.mixedBar($0, seed: 7) }
    static let covered = TimeRange(start: 1_704_067_200, end: 1_704_067_200 + 60_000 * 60)

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test("after settle() the main file alone holds every committed bar: a copy without its -wal reads them back")
    func settledFileStandsAlone() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(FetchedBars(key: Self.key, rows: Self.rows, covered: Self.covered))
            await store.settle()
            // Copied while the store is open, as a backup script would; the -wal and -shm files stay behind.
            let copy = directory + "/copy.sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
            let reopened = try await MarketDataStore.open(.sqlite(path: copy))
            #expect(try await reopened.table(Self.key, in: Self.covered).rows == Self.rows)
            #expect(try await reopened.coverage(Self.key).ranges == [Self.covered])
            await reopened.close()
            await store.close()
        }
    }

    @Test("a large commit reaches the main file without settle() or close(): the checkpoint runs in the background")
    func checkpointRunsInBackground() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let before = Self.size(path)
            try await store.commit(FetchedBars(key: Self.key, rows: Self.rows, covered: Self.covered))
            // Nothing else checkpoints: the writer's own automatic checkpoint is replaced by the background one, and
            // the store stays open. The bars are some 4 MB; the file holds them once that checkpoint has run.
            var grown = Self.size(path)
            for _ in 0..<300 where grown < before + 2_000_000 {
                try await Task.sleep(for: .milliseconds(100))
                grown = Self.size(path)
            }
            #expect(grown >= before + 2_000_000, "the main file stayed at \(grown) bytes (\(before) before)")
            await store.close()
        }
    }

    @Test("commits, reads and closes while checkpoints run in the background lose nothing")
    func commitsBesideCheckpoints() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            // Ten commits of 6,000 bars, each followed by a read of all so far, then a close right after the last
            // commit, while its checkpoint may still be running.
            for part in 0..<10 {
                let slice = Array(Self.rows[(part * 6_000)..<((part + 1) * 6_000)])
                let range = TimeRange(
                    start: Self.covered.start + Int64(part * 6_000 * 60),
                    end: Self.covered.start + Int64((part + 1) * 6_000 * 60))
                try await store.commit(FetchedBars(key: Self.key, rows: slice, covered: range))
                let read = try await store.table(Self.key, in: Self.covered).rows
                #expect(read == Array(Self.rows[0..<((part + 1) * 6_000)]))
            }
            await store.close()
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            #expect(try await reopened.table(Self.key, in: Self.covered).rows == Self.rows)
            await reopened.close()
        }
    }

    @Test("a closed store is one file: the log is folded in and removed, and a copy of the file alone holds every bar")
    func closedStoreIsOneFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            // A small commit (below the 1,000 pages that start a background checkpoint) and a read, which opens a
            // reader connection: GRDB closes its readers after the writer.
            let few = Array(Self.rows[0..<100])
            let range = TimeRange(start: Self.covered.start, end: Self.covered.start + 100 * 60)
            try await store.commit(FetchedBars(key: Self.key, rows: few, covered: range))
            #expect(try await store.table(Self.key, in: range).rows == few)
            await store.close()
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
            let copy = directory + "/copy.sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let reopened = try await MarketDataStore.open(.sqlite(path: copy))
            #expect(try await reopened.table(Self.key, in: range).rows == few)
            #expect(try await reopened.coverage(Self.key).ranges == [range])
            await reopened.close()
        }
    }

    @Test("closing one of two stores on a file keeps the log for the other, which reads and writes on")
    func closeBesideAnotherStore() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let first = try await MarketDataStore.open(.sqlite(path: path))
            let second = try await MarketDataStore.open(.sqlite(path: path))
            let half = Array(Self.rows[0..<100])
            let halfRange = TimeRange(start: Self.covered.start, end: Self.covered.start + 100 * 60)
            try await first.commit(FetchedBars(key: Self.key, rows: half, covered: halfRange))
            await first.close()
            #expect(try await second.table(Self.key, in: halfRange).rows == half)
            let rest = Array(Self.rows[100..<200])
            let restRange = TimeRange(start: halfRange.end, end: halfRange.end + 100 * 60)
            try await second.commit(FetchedBars(key: Self.key, rows: rest, covered: restRange))
            await second.close()
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            let whole = TimeRange(start: halfRange.start, end: restRange.end)
            #expect(try await reopened.table(Self.key, in: whole).rows == half + rest)
            #expect(try await reopened.coverage(Self.key).ranges == [whole])
            await reopened.close()
        }
    }
}
