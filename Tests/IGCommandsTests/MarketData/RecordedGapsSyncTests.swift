import Foundation
import IGCommands
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("ig history sync --recorded-gaps, in process against an embedded simulator")
struct RecordedGapsSyncTests {
    @Test("the bars of a recorded candle gap and a recorded tick gap are fetched and covered")
    func fillsRecordedGaps() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
            // Tuesday 2025-03-04: a 1MINUTE gap from 10:00:30 to 10:04:10, a tick gap from 11:00:05 to 11:01:59.
            let base: Int64 = 1_741_082_400
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let candles = RecordedStream(environment: "SIMULATOR", epic: epic, stream: "1MINUTE")
            let ticks = RecordedStream(environment: "SIMULATOR", epic: epic, stream: "TICK")
            try await store.record(
                RecordingBatch(
                    environment: "SIMULATOR",
                    gaps: [
                        RecordedGap(
                            stream: candles, start: (base + 30) * 1000, end: (base + 250) * 1000, reason: "session"),
                        RecordedGap(
                            stream: ticks, start: (base + 3605) * 1000, end: (base + 3719) * 1000, reason: "restart"),
                    ]))
            await store.close()

            let output = try await IGCommand.output(of: ["history", "sync", "--recorded-gaps", "--store", path])
            #expect(output.contains("Fetched 7 bars"), "\(output)")

            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            let key = SeriesKey(environment: "SIMULATOR", epic: epic, resolution: .minute)
            let coverage = try await reopened.coverage(key)
            let rows = try await reopened.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows
            await reopened.close()
            // 10:00–10:04 (five bars) and 11:00–11:01 (two bars).
            #expect(coverage.covers(TimeRange(start: base, end: base + 300)))
            #expect(coverage.covers(TimeRange(start: base + 3600, end: base + 3720)))
            #expect(rows.count == 7)
        }
    }

    @Test("a gap that another recorder's span covers is no gap: only the uncovered part is fetched")
    func gapCoveredByAnotherRecorder() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
            let base: Int64 = 1_741_082_400  // Tuesday 2025-03-04 10:00 UTC
            let ticks = RecordedStream(environment: "SIMULATOR", epic: epic, stream: "TICK")
            let store = try await MarketDataStore.open(.sqlite(path: path))
            // This recorder lost 10:00:05–10:05:30; another one (a colleague's, or a store copied in) recorded
            // 09:59–10:03:00 without loss. Only 10:03:00–10:05:30 is a gap: the bars of 10:03, 10:04 and 10:05.
            try await store.record(
                RecordingBatch(
                    environment: "SIMULATOR",
                    spans: [RecordedSpan(stream: ticks, start: (base - 60) * 1000, end: (base + 180) * 1000)],
                    gaps: [
                        RecordedGap(
                            stream: ticks, start: (base + 5) * 1000, end: (base + 330) * 1000, reason: "restart")
                    ]))
            await store.close()

            let output = try await IGCommand.output(of: ["history", "sync", "--recorded-gaps", "--store", path])
            #expect(output.contains("Fetched 3 bars"), "\(output)")
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            let key = SeriesKey(environment: "SIMULATOR", epic: epic, resolution: .minute)
            let coverage = try await reopened.coverage(key)
            await reopened.close()
            #expect(coverage.ranges == [TimeRange(start: base + 180, end: base + 360)], "\(coverage.ranges)")
        }
    }
}
