import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("SQLite store: a large batch is one transaction")
struct BulkInsertTests {
    static let key = SeriesKey(environment: "DEMO", epic: Epic(rawValue: "IX.D.FTSE.DAILY.IP"), resolution: .minute)

    static func bar(_ index: Int, close: Decimal? = nil) -> PriceTable.Row {
        let price = Decimal(sign: .plus, exponent: -1, significand: Decimal(80_000 + index % 1_000))
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + index * 60)),
            bid: .init(open: price, high: price + 1, low: price - 1, close: close ?? price),
            ask: .init(open: price + 2, high: price + 3, low: price + 1, close: price + 2),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: Decimal(index % 7))
    }

    @Test(
        "a value with no exact form anywhere in a large batch refuses the whole batch and commits nothing",
        arguments: [0, 10_000, 19_999])
    func unrepresentableValueRollsBack(_ position: Int) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/bulk.sqlite"))
            let huge = try #require(Decimal(string: "123456789012345678901234567890"))
            var rows = (0..<20_000).map { Self.bar($0) }
            rows[position] = Self.bar(position, close: huge)
            let covered = TimeRange(start: 1_704_067_200, end: 1_704_067_200 + 20_000 * 60)
            await #expect {
                try await store.commit(FetchedBars(key: Self.key, rows: rows, covered: covered))
            } throws: { error in
                (error as? StoreError)?.code == .unrepresentableValue
            }
            let table = try await store.table(Self.key, in: covered)
            #expect(table.rows.isEmpty)
            #expect(try await store.coverage(Self.key).ranges.isEmpty)
            // The store still takes the batch once the value is fixed.
            rows[position] = Self.bar(position)
            try await store.commit(FetchedBars(key: Self.key, rows: rows, covered: covered))
            #expect(try await store.table(Self.key, in: covered).rows == rows)
            await store.close()
        }
    }
}
