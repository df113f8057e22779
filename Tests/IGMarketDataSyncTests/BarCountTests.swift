import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("series.bar_count: kept by every commit, equal to the bars stored, on both engines")
struct BarCountTests {
    static func countsFollowCommits(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let key = PostgresWriteTests.key
            let other = SeriesKey(
                environment: key.environment, epic: Epic(rawValue: "IX.D.FTSE.DAILY.IP"), resolution: .minute)
            let start: Int64 = 1_741_046_400
            /// What status says for each series, and what reading the bars finds.
            func counts() async throws -> (said: [SeriesKey: Int], stored: [SeriesKey: Int]) {
                var said: [SeriesKey: Int] = [:]
                for status in try await store.status() { said[status.key] = status.bars }
                var stored: [SeriesKey: Int] = [:]
                for series in said.keys {
                    stored[series] = try await store.table(series, in: PostgresWriteTests.everything).rows.count
                }
                return (said, stored)
            }
            // New bars, in order.
            try await store.commit(PostgresWriteTests.batch(PostgresWriteTests.bars(100, from: start)))
            var now = try await counts()
            #expect(now.said[key] == 100 && now.said == now.stored)
            // 50 of them again with other prices, and 30 new after them.
            try await store.commit(
                PostgresWriteTests.batch(PostgresWriteTests.bars(80, from: start + 50 * 60, shift: 9)))
            now = try await counts()
            #expect(now.said[key] == 130 && now.said == now.stored)
            // Out of order, one start given twice: two stored starts and two new ones, four distinct.
            let mixed =
                PostgresWriteTests.bars(1, from: start + 131 * 60)
                + PostgresWriteTests.bars(1, from: start + 5 * 60, shift: 1)
                + PostgresWriteTests.bars(1, from: start + 130 * 60)
                + PostgresWriteTests.bars(1, from: start + 5 * 60, shift: 2)
                + PostgresWriteTests.bars(1, from: start + 6 * 60, shift: 3)
            try await store.commit(
                FetchedBars(key: key, rows: mixed, covered: TimeRange(start: start, end: start + 132 * 60)))
            now = try await counts()
            #expect(now.said[key] == 132 && now.said == now.stored)
            // A range IG answered as empty, and another series.
            try await store.commit(
                FetchedBars(key: key, rows: [], covered: TimeRange(start: start + 500 * 60, end: start + 600 * 60)))
            try await store.commit(
                FetchedBars(
                    key: other, rows: PostgresWriteTests.bars(7, from: start),
                    covered: TimeRange(start: start, end: start + 7 * 60)))
            now = try await counts()
            #expect(now.said == [key: 132, other: 7] && now.said == now.stored)
            // A large batch behind the stored bars, as a sync commits it.
            try await store.commit(PostgresWriteTests.batch(PostgresWriteTests.bars(20_000, from: start + 1_000 * 60)))
            now = try await counts()
            #expect(now.said == [key: 20_132, other: 7] && now.said == now.stored)
        }
    }

    @Test("SQLite: new, replaced, repeated and out-of-order bars, an empty range and a second series")
    func sqlite() async throws {
        try await Self.countsFollowCommits(.sqlite)
    }

    @Test(
        "PostgreSQL: new, replaced, repeated and out-of-order bars, an empty range and a second series",
        .enabled(if: PostgresTesting.available))
    func postgres() async throws {
        try await Self.countsFollowCommits(.postgres)
    }
}
