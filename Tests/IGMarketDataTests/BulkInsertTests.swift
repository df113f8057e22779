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

    /// A bar whose every value is there or not, and whose decimals vary, from `seed` (SplitMix64).
    static func mixedBar(_ index: Int, seed: UInt64) -> PriceTable.Row {
        var state = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        func value() -> Decimal? {
            guard next() % 3 != 0 else { return nil }
            let exponent = -Int(next() % 7)
            return Decimal(
                sign: next() % 5 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(next() % 2_000_000))
        }
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + index * 60)),
            bid: .init(open: value(), high: value(), low: value(), close: value()),
            ask: .init(open: value(), high: value(), low: value(), close: value()),
            lastTraded: .init(open: value(), high: value(), low: value(), close: value()), volume: value())
    }

    @Test("bars whose missing values and decimals change from row to row read back exactly, batch after batch")
    func mixedRowsRoundTrip() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/mixed.sqlite"))
            let other = SeriesKey(environment: "DEMO", epic: Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), resolution: .hour)
            // 197 rows: three 64-row statements and five single rows; later batches reuse the cached statements.
            let first = (0..<197).map { Self.mixedBar($0, seed: 1) }
            let second = (0..<130).map { Self.mixedBar($0, seed: 2) }
            let third = (100..<300).map { Self.mixedBar($0, seed: 3) }
            let all = TimeRange(start: 0, end: 2_000_000_000)
            try await store.commit(FetchedBars(key: Self.key, rows: first, covered: all))
            try await store.commit(FetchedBars(key: other, rows: second, covered: all))
            try await store.commit(FetchedBars(key: Self.key, rows: third, covered: all))
            #expect(try await store.table(Self.key, in: all).rows == Array(first[..<100]) + third)
            #expect(try await store.table(other, in: all).rows == second)
            let missing = first.reduce(0) { $0 + ($1.bid.open == nil ? 1 : 0) }
            #expect(missing > 30 && missing < 100)
            await store.close()
        }
    }
}
