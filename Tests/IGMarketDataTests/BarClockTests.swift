import IGMarketData
import IGModels
import Testing

@Suite("BarClock: bar starts and counts, before 1970 too, for any range")
struct BarClockTests {
    @Test("counts before and across 1970 are exact (they were one short for ranges starting before 1970)")
    func beforeEpoch() {
        #expect(BarClock.barCount(in: TimeRange(start: -60, end: 0), .minute) == 1)
        #expect(BarClock.barCount(in: TimeRange(start: -61, end: 0), .minute) == 1)
        #expect(BarClock.barCount(in: TimeRange(start: -120, end: 0), .minute) == 2)
        #expect(BarClock.barCount(in: TimeRange(start: -119, end: 61), .minute) == 3)
        #expect(BarClock.barCount(in: TimeRange(start: 1, end: 60), .minute) == 0)
        #expect(BarClock.barCount(in: TimeRange(start: 0, end: 1), .second) == 1)
        // Monday 1969-12-29 to Monday 1970-01-05: one week bar, and seven day bars.
        let week = TimeRange(start: -3 * 86_400, end: 4 * 86_400)
        #expect(BarClock.barCount(in: week, .week) == 1)
        #expect(BarClock.barCount(in: week, .day) == 7)
    }

    @Test(
        "the count equals the bar starts enumerated one by one", arguments: [Resolution.minute, .minute5, .hour, .day])
    func matchesEnumeration(resolution: Resolution) {
        let length = Int64(resolution.seconds)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let start = Int64.random(in: -5 * length...5 * length, using: &generator)
            let end = start + Int64.random(in: 0...8 * length, using: &generator)
            let enumerated = (-6...14).filter { start <= Int64($0) * length && Int64($0) * length < end }.count
            #expect(
                BarClock.barCount(in: TimeRange(start: start, end: end), resolution) == enumerated, "\(start)..<\(end)")
        }
    }

    @Test("any range gives an answer at once: clipped to the years 1 to 9999, no overflow, no endless week loop")
    func extremes() {
        let everything = TimeRange(start: .min, end: .max)
        #expect(BarClock.barCount(in: everything, .second) == 62_135_596_800 + 253_402_300_800)
        #expect(BarClock.barCount(in: everything, .month) == 9_999 * 12)
        #expect(BarClock.barCount(in: everything, .week) > 520_000)
        #expect(BarClock.barCount(in: TimeRange(start: .max - 1, end: .max), .minute) == 0)
        #expect(BarClock.barCount(in: TimeRange(start: .min, end: .min + 1), .day) == 0)
    }
}
