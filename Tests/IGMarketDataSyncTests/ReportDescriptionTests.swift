import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

@Suite("What a sync and a cached request say for a person")
struct ReportDescriptionTests {
    @Test("a sync report tells its tally, why it stopped and what IG refused")
    func syncReport() {
        var report = SyncReport()
        report.units = 4
        report.bars = 218
        report.points = 219
        report.probePoints = 1
        report.requests = 5
        report.remaining = 9_781
        report.resetsAt = Date(timeIntervalSince1970: 1_765_446_126)
        #expect(
            report.description
                == "Fetched 218 bars in 4 units (5 requests, 219 points, 1 of them to ask IG what remains). 9781 "
                + "points left, resetting at 2025-12-11T09:42:06Z.")
        report.stop = .reserve
        report.rateLimitWaits = 1
        let key = SeriesKey(environment: "DEMO", epic: "CS.D.NOSUCH.IP", resolution: .day)
        report.failures = [
            SyncFailure(key: key, range: TimeRange(start: 1_740_960_000, end: 1_741_132_800), reason: "unknown epic")
        ]
        #expect(
            report.description.hasSuffix(
                " Waited 1 time for IG's per-minute request limit. Stopped: the next unit would eat into the reserve."
                    + "\n  CS.D.NOSUCH.IP DAY from 2025-03-03T00:00:00Z: unknown epic"), "\(report)")
        #expect(SyncReport().description == "Fetched 0 bars in 0 units (0 requests, 0 points).")
    }

    @Test("a cached request says where its bars came from and what they cost")
    func cachedPrices() {
        let row = PriceTable.Row(
            time: Date(timeIntervalSince1970: 0), bid: .init(open: 1, high: 1, low: 1, close: 1),
            ask: .init(open: 1, high: 1, low: 1, close: 1),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil),
            volume: nil)
        let table = PriceTable(rows: Array(repeating: row, count: 3))
        #expect(
            CachedPrices(table: table, fromStore: 1, fetched: 1, pointsSpent: 1, requests: 1, derived: 1).description
                == "3 bars: 1 from the store, 1 from IG, 1 built from finer stored bars; 1 point spent.")
        #expect(
            CachedPrices(table: PriceTable(rows: [row]), fromStore: 1, fetched: 0, pointsSpent: 0, requests: 0)
                .description == "1 bar: 1 from the store, 0 from IG; 0 points spent.")
    }
}
