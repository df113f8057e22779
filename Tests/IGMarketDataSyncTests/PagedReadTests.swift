import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("A series read page by page (table(_:in:limit:)) is the series read whole, on both engines")
struct PagedReadTests {
    static func pagesMatchWhole(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let key = PostgresWriteTests.key
            let start: Int64 = 1_741_046_400
            let rows = PostgresWriteTests.bars(1_000, from: start)
            try await store.commit(PostgresWriteTests.batch(rows))
            // Another series over the same times must not leak into the pages.
            let other = SeriesKey(
                environment: key.environment, epic: Epic(rawValue: "IX.D.FTSE.DAILY.IP"), resolution: .minute)
            let otherRows = PostgresWriteTests.bars(50, from: start)
            try await store.commit(
                FetchedBars(key: other, rows: otherRows, covered: TimeRange(start: start, end: start + 50 * 60)))
            let whole = try await store.table(key, in: PostgresWriteTests.everything)
            #expect(whole.rows == rows)
            for limit in [1, 7, 999, 1_000, 1_001] {
                var range = TimeRange(start: start + 10 * 60, end: start + 990 * 60)
                var read: [PriceTable.Row] = []
                var pages = 0
                while true {
                    let page = try await store.table(key, in: range, limit: limit)
                    #expect(page.rows.count <= limit)
                    #expect(page.epic == key.epic && page.resolution == key.resolution)
                    #expect(page.instrumentType == whole.instrumentType)
                    read += page.rows
                    pages += 1
                    guard page.rows.count == limit, let last = page.rows.last else { break }
                    range = TimeRange(start: TimeRange.seconds(last.time) + 1, end: range.end)
                }
                #expect(read == Array(rows[10..<990]), "limit \(limit)")
                #expect(pages == 980 / limit + 1, "limit \(limit)")
            }
            #expect(try await store.table(key, in: PostgresWriteTests.everything, limit: 0).rows.isEmpty)
            #expect(try await store.table(key, in: PostgresWriteTests.everything, limit: -3).rows.isEmpty)
            #expect(try await store.table(other, in: PostgresWriteTests.everything, limit: 60).rows == otherRows)
            let missing = SeriesKey(environment: key.environment, epic: Epic(rawValue: "NONE"), resolution: .minute)
            #expect(try await store.table(missing, in: PostgresWriteTests.everything, limit: 5).rows.isEmpty)
        }
    }

    @Test("SQLite: pages of 1, 7, 999, 1,000 and 1,001 bars add up to the range; a limit below 1 reads nothing")
    func sqlite() async throws {
        try await Self.pagesMatchWhole(.sqlite)
    }

    @Test(
        "PostgreSQL: pages of 1, 7, 999, 1,000 and 1,001 bars add up to the range; a limit below 1 reads nothing",
        .enabled(if: PostgresTesting.available))
    func postgres() async throws {
        try await Self.pagesMatchWhole(.postgres)
    }
}
