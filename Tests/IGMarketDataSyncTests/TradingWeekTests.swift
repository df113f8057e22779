import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

@Suite("Plan estimates: trading days")
struct TradingWeekTests {
    @Test("weekdays leave Saturday and Sunday (UTC) out; all week counts every bar start")
    func counts() {
        // Monday 2025-03-03 00:00 to Monday 2025-03-10 00:00.
        let week = TimeRange(from: utc("2025-03-03T00:00:00"), to: utc("2025-03-10T00:00:00"))
        #expect(TradingWeek.weekdays.barCount(in: week, .minute) == 5 * 1440)
        #expect(TradingWeek.allWeek.barCount(in: week, .minute) == 7 * 1440)
        #expect(TradingWeek.weekdays.barCount(in: week, .day) == 5)
        #expect(TradingWeek.weekdays.barCount(in: week, .week) == 1)
        // Friday noon to Monday noon: 12 hours on each side of the weekend.
        let across = TimeRange(from: utc("2025-03-07T12:00:00"), to: utc("2025-03-10T12:00:00"))
        #expect(TradingWeek.weekdays.barCount(in: across, .hour) == 24)
        #expect(TradingWeek.weekdays.barCount(in: across, .minute5) == 24 * 12)
        // Only a weekend: nothing to expect.
        let weekend = TimeRange(from: utc("2025-03-08T00:00:00"), to: utc("2025-03-10T00:00:00"))
        #expect(TradingWeek.weekdays.barCount(in: weekend, .second) == 0)
        // Before 1970 the weekday arithmetic still holds (1969-12-27 was a Saturday).
        let old = TimeRange(start: -5 * 86_400, end: -3 * 86_400)
        #expect(TradingWeek.weekdays.barCount(in: old, .hour) == 0)
    }
}
