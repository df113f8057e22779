import Foundation
import IGModels
import IGSimulatorTesting
import Testing

@testable import IGMarketData

@Suite("SQLite store: long reads split over several connections")
struct SplitReadTests {
    static let key = SeriesKey(environment: "DEMO", epic: Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), resolution: .minute)
    /// Above ``BarReadPlan/splitThreshold``, so a read of all of them is split on a machine with two cores or more.
    static let count = 120_000
    static let start: Int64 = 1_704_067_200

    /// Bar `index`: prices at 1 to 5 decimals, negative ones, missing last-traded values and volumes.
    static func bar(_ index: Int, volume: Decimal? = nil) -> PriceTable.Row {
        let places = Int16(1 + index % 5)
        func price(_ offset: Int) -> Decimal {
            let mantissa = Decimal((index * 7 + offset * 13) % 100_000 - (index % 11 == 0 ? 50_000 : 0))
            return Decimal(sign: .plus, exponent: -Int(places), significand: mantissa)
        }
        let traded = index % 3 == 0
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(start + Int64(index) * 60)),
            bid: .init(open: price(0), high: price(1), low: price(2), close: price(3)),
            ask: .init(open: price(4), high: price(5), low: price(6), close: price(7)),
            lastTraded: traded
                ? .init(open: price(8), high: price(9), low: price(10), close: price(11))
                : .init(open: nil, high: nil, low: nil, close: nil),
            volume: volume ?? (index % 4 == 0 ? nil : Decimal(index % 500)))
    }

    static func fill(_ store: MarketDataStore) async throws -> [PriceTable.Row] {
        let rows = (0..<count).map { bar($0) }
        let end = start + Int64(count) * 60
        try await store.commit(FetchedBars(key: key, rows: rows, covered: TimeRange(start: start, end: end)))
        return rows
    }

    @Test("a split read gives every bar back exactly, in order, for the whole series and for a range inside it")
    func splitReadRoundTrips() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/split.sqlite"))
            let rows = try await Self.fill(store)
            let whole = try await store.table(Self.key, in: TimeRange(start: 0, end: Int64.max / 2))
            #expect(whole.rows.count == rows.count)
            #expect(whole.rows == rows)
            let inside = TimeRange(start: Self.start + 10_000 * 60 + 30, end: Self.start + 115_000 * 60)
            let part = try await store.table(Self.key, in: inside)
            #expect(part.rows == Array(rows[10_001..<115_000]))
            await store.close()
        }
    }

    @Test("a split read with gaps (weekends) and one with bars off the resolution's grid give every bar back exactly")
    func splitReadGapsAndOffGrid() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/gaps.sqlite"))
            // Five days of bars, then two without, from the first bar on: the pieces hold different numbers of bars.
            let gapped = (0..<(Self.count * 7 / 5)).filter { ($0 / 1_440) % 7 < 5 }.map { Self.bar($0) }
            let end = Self.start + Int64(Self.count * 7 / 5) * 60
            try await store.commit(
                FetchedBars(key: Self.key, rows: gapped, covered: TimeRange(start: Self.start, end: end)))
            let whole = try await store.table(Self.key, in: TimeRange(start: 0, end: Int64.max / 2))
            #expect(whole.rows.count == gapped.count)
            #expect(whole.rows == gapped)
            // A MINUTE series with extra bars 30 seconds after the last 2,000 (written by another tool, say): more
            // bars than the resolution's grid has room for, which the read's estimate of its size assumes.
            let offGridKey = SeriesKey(environment: "OTHER", epic: Self.key.epic, resolution: .minute)
            var offGrid: [PriceTable.Row] = []
            for index in 0..<Self.count {
                offGrid.append(Self.bar(index))
                if index >= Self.count - 2_000 {
                    var extra = Self.bar(index + 1)
                    extra.time = Date(timeIntervalSince1970: TimeInterval(Self.start + Int64(index) * 60 + 30))
                    offGrid.append(extra)
                }
            }
            try await store.commit(
                FetchedBars(
                    key: offGridKey, rows: offGrid,
                    covered: TimeRange(start: Self.start, end: Self.start + Int64(Self.count) * 60)))
            let read = try await store.table(offGridKey, in: TimeRange(start: 0, end: Int64.max / 2))
            #expect(read.rows.count == offGrid.count)
            #expect(read.rows == offGrid)
            await store.close()
        }
    }

    @Test("a split read sees one state while commits land: the first and last bar, rewritten together, agree")
    func splitReadIsOneSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/snapshot.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            _ = try await Self.fill(store)
            // A second store on the same file commits as another process would.
            let writer = try await MarketDataStore.open(.sqlite(path: path))
            let writing = Task {
                var generation = 1
                while !Task.isCancelled {
                    let volume = Decimal(generation)
                    let pair = [Self.bar(0, volume: volume), Self.bar(Self.count - 1, volume: volume)]
                    do {
                        try await writer.commit(
                            FetchedBars(key: Self.key, rows: pair, covered: TimeRange(start: 0, end: 0)))
                    } catch {
                        break
                    }
                    generation += 1
                }
                return generation
            }
            for _ in 0..<4 {
                let table = try await store.table(Self.key, in: TimeRange(start: 0, end: Int64.max / 2))
                #expect(table.rows.count == Self.count)
                #expect(table.rows.first?.volume == table.rows.last?.volume)
            }
            writing.cancel()
            let generations = await writing.value
            #expect(generations > 1)
            await writer.close()
            await store.close()
        }
    }

    @Test("the pieces of a read cover its range exactly, in order, and odd bounds never trap")
    func pieces() {
        var plan = BarReadPlan(series: 1, range: TimeRange(start: 100, end: 20_000_000), instrumentType: nil)
        #expect(plan.parts(processors: 8) == 1)
        plan.bounds(first: 160, last: 160 + 199_999 * 60, step: 60)
        #expect(plan.capacity == 200_000)
        #expect(plan.parts(processors: 1) == 1)
        #expect(plan.parts(processors: 2) == 2)
        #expect(plan.parts(processors: 64) == BarReadPlan.maximumParts)
        for count in 1...5 {
            let pieces = plan.pieces(count)
            #expect(pieces.count == count)
            #expect(pieces.first?.start == 100)
            #expect(pieces.last?.end == 20_000_000)
            for (earlier, later) in zip(pieces, pieces.dropFirst()) {
                #expect(earlier.end == later.start)
                #expect(!earlier.isEmpty)
            }
        }
        var odd = BarReadPlan(series: 1, range: TimeRange(start: Int64.min, end: Int64.max), instrumentType: nil)
        odd.bounds(first: Int64.min, last: Int64.max - 1, step: 60)
        #expect(odd.capacity == BarReadPlan.maximumCapacity)
        #expect(odd.pieces(2) == [odd.range])
        var inverted = BarReadPlan(series: 1, range: TimeRange(start: 0, end: 10), instrumentType: nil)
        inverted.bounds(first: 5, last: 5, step: 0)
        #expect(inverted.capacity == 1)
        #expect(inverted.pieces(2) == [inverted.range])
    }
}
