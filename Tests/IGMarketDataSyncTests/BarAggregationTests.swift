import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

@Suite("Coarser bars from finer ones")
struct BarAggregationTests {
    @Test("only resolutions whose bars nest are used, coarsest first; weeks and months take days and finer")
    func finerResolutions() {
        #expect(
            BarAggregation.finerResolutions(of: .hour) == [
                .minute30, .minute15, .minute10, .minute5, .minute3,
                .minute2, .minute, .second,
            ])
        #expect(!BarAggregation.finerResolutions(of: .minute10).contains(.minute3))
        #expect(!BarAggregation.finerResolutions(of: .hour4).contains(.hour3))
        #expect(BarAggregation.finerResolutions(of: .week).first == .day)
        #expect(BarAggregation.finerResolutions(of: .month).first == .day)
        #expect(!BarAggregation.finerResolutions(of: .month).contains(.week))
        #expect(BarAggregation.finerResolutions(of: .second).isEmpty)
    }

    @Test("the span covers every coarse bar that starts in the range, whole")
    func span() {
        let range = TimeRange(from: utc("2025-03-04T10:30:00"), to: utc("2025-03-04T12:30:00"))
        #expect(
            BarAggregation.span(of: range, .hour)
                == TimeRange(from: utc("2025-03-04T11:00:00"), to: utc("2025-03-04T13:00:00")))
        let inside = TimeRange(from: utc("2025-03-04T10:30:00"), to: utc("2025-03-04T10:45:00"))
        #expect(BarAggregation.span(of: inside, .hour).isEmpty)
    }

    @Test(
        "whole bars only: a bar covered in part is left out, pieces and ends kept, a range known empty counts",
        arguments: [
            // Covered from 10:30 to 13:00: the 10:00 hour in part, 11:00 and 12:00 whole.
            (["10:30-13:00"], "10:00-14:00", Resolution.hour, ["11:00-13:00"]),
            // Several pieces in one range, one ending mid-hour (05:30), one at the range's end.
            (
                ["01:00-03:00", "05:00-05:30", "06:00-09:00", "22:00-24:00"], "00:00-24:00", .hour,
                ["01:00-03:00", "06:00-09:00", "22:00-24:00"]
            ),
            // Coverage beyond the range is clipped to the bars starting in it.
            (["00:00-24:00"], "10:15-12:45", .hour, ["11:00-13:00"]),
            // Nothing whole in a range in which no bar starts, or coverage shorter than a bar.
            (["10:00-11:00"], "10:15-10:45", .hour, []),
            (["10:00-10:59"], "10:00-11:00", .hour, []),
            (["10:00-10:10", "10:10-10:20"], "10:00-10:30", .minute10, ["10:00-10:20"]),
        ] as [([String], String, Resolution, [String])])
    func wholeBars(covered: [String], range: String, resolution: Resolution, expected: [String]) {
        /// `HH:MM-HH:MM` on Tuesday 2025-03-04 (24:00 is the next midnight).
        func times(_ text: String) -> TimeRange {
            let parts = text.split(separator: "-").map { part -> Int64 in
                let hm = part.split(separator: ":").compactMap { Int64($0) }
                return TimeRange.seconds(utc("2025-03-04T00:00:00")) + (hm.first ?? 0) * 3600 + (hm.last ?? 0) * 60
            }
            return TimeRange(start: parts[0], end: parts[parts.count - 1])
        }
        let bars = BarAggregation.wholeBars(
            of: resolution, coveredBy: Coverage(covered.map(times)), in: times(range))
        #expect(bars == expected.map(times))
    }

    @Test("whole weeks and months from day coverage: a week or month covered but for one day is left out")
    func wholeWeeksAndMonths() {
        // Covered from Monday 2025-03-03 to 2025-04-01: four whole weeks (the one from Monday 31 March runs past
        // it); March lacks its first two days.
        let covered = Coverage([TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-04-01T00:00:00"))])
        let year = TimeRange(from: utc("2025-01-01T00:00:00"), to: utc("2026-01-01T00:00:00"))
        let weeks = BarAggregation.wholeBars(of: .week, coveredBy: covered, in: year)
        #expect(weeks == [TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-31T00:00:00"))])
        #expect(BarAggregation.wholeBars(of: .month, coveredBy: covered, in: year).isEmpty)
        let fromFirst = covered.inserting(TimeRange(from: utc("2025-03-01T00:00:00"), to: utc("2025-03-03T00:00:00")))
        #expect(
            BarAggregation.wholeBars(of: .month, coveredBy: fromFirst, in: year) == [
                TimeRange(from: utc("2025-03-01T00:00:00"), to: utc("2025-04-01T00:00:00"))
            ])
    }

    @Test("open of the first, close of the last, extremes per side, volumes summed, missing values skipped")
    func aggregate() {
        func row(_ time: String, _ bid: [Decimal], last: Decimal?, volume: Decimal?) -> PriceTable.Row {
            PriceTable.Row(
                time: utc(time), bid: .init(open: bid[0], high: bid[1], low: bid[2], close: bid[3]),
                ask: .init(open: bid[0] + 1, high: bid[1] + 1, low: bid[2] + 1, close: bid[3] + 1),
                lastTraded: .init(open: last, high: last, low: last, close: last), volume: volume)
        }
        let rows = [
            row("2025-03-04T10:00:00", [10, 12, 9, 11], last: nil, volume: nil),
            row("2025-03-04T10:01:00", [11, 15, 10, 14], last: 13, volume: 5),
            row("2025-03-04T10:59:00", [14, 14, 7, 8], last: nil, volume: 2),
            row("2025-03-04T11:05:00", [8, 9, 8, 9], last: nil, volume: nil),
        ]
        let hours = BarAggregation.aggregate(rows, to: .hour)
        #expect(hours.count == 2)
        #expect(hours[0].time == utc("2025-03-04T10:00:00"))
        #expect(hours[0].bid == .init(open: 10, high: 15, low: 7, close: 8))
        #expect(hours[0].ask == .init(open: 11, high: 16, low: 8, close: 9))
        #expect(hours[0].lastTraded == .init(open: 13, high: 13, low: 13, close: 13))
        #expect(hours[0].volume == 7)
        // A coarse bar starts on its own boundary even when its first finer bar does not.
        #expect(hours[1].time == utc("2025-03-04T11:00:00"))
        #expect(hours[1].bid == .init(open: 8, high: 9, low: 8, close: 9))
        #expect(hours[1].volume == nil)
    }
}
