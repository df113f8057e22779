import Foundation
import Testing

@testable import IGSimulator

@Suite("Price engine")
struct PriceEngineTests {
    let engine = PriceEngine(seed: 42)
    let eurusd = PriceProfile(key: "EURUSD", level: 1.08, dailyVolatility: 0.0045, decimalPlaces: 5, spread: 0.00006)
    let bitcoin = PriceProfile(
        key: "BITCOIN", level: 60_000, dailyVolatility: 0.032, decimalPlaces: 2, spread: 36, tradesAtWeekends: true,
        meanReversionDays: 64)

    /// A fixed "now" so every assertion is reproducible: Wednesday 2026-11-25 15:30:20 UTC.
    let now = date(2026, 11, 25, 15, 30, 20)

    static func aggregate(
        _ bars: [PriceBar]
    ) -> (open: PricePoint, high: PricePoint, low: PricePoint, close: PricePoint, volume: Int)? {
        guard let first = bars.first, let last = bars.last else { return nil }
        return (
            first.open,
            PricePoint(bid: bars.map(\.high.bid).max()!, ask: bars.map(\.high.ask).max()!),
            PricePoint(bid: bars.map(\.low.bid).min()!, ask: bars.map(\.low.ask).min()!),
            last.close,
            bars.map(\.volume).reduce(0, +)
        )
    }

    static func expectAggregate(
        _ parent: PriceBar, _ children: [PriceBar], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let total = aggregate(children) else {
            Issue.record("no children", sourceLocation: sourceLocation)
            return
        }
        #expect(parent.open == total.open, sourceLocation: sourceLocation)
        #expect(parent.high == total.high, sourceLocation: sourceLocation)
        #expect(parent.low == total.low, sourceLocation: sourceLocation)
        #expect(parent.close == total.close, sourceLocation: sourceLocation)
        #expect(parent.volume == total.volume, sourceLocation: sourceLocation)
    }

    @Test func sameSeedGivesSameBarsAndOtherSeedsDiffer() {
        let from = date(2024, 3, 4), to = date(2024, 3, 8, 23, 59, 59)
        let first = engine.bars(for: eurusd, resolution: .hour, from: from, to: to, now: now)
        let second = PriceEngine(seed: 42).bars(for: eurusd, resolution: .hour, from: from, to: to, now: now)
        let other = PriceEngine(seed: 43).bars(for: eurusd, resolution: .hour, from: from, to: to, now: now)
        #expect(first.count == 5 * 24)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func dayIsTheAggregateOfItsHoursMinutesAndSeconds() throws {
        let day = date(2023, 6, 14)
        let end = date(2023, 6, 14, 23, 59, 59)
        let dayBars = engine.bars(for: eurusd, resolution: .day, from: day, to: end, now: now)
        try #require(dayBars.count == 1)
        let hours = engine.bars(for: eurusd, resolution: .hour, from: day, to: end, now: now)
        let minutes = engine.bars(for: eurusd, resolution: .minute, from: day, to: end, now: now)
        #expect(hours.count == 24)
        #expect(minutes.count == 1440)
        Self.expectAggregate(dayBars[0], hours)
        Self.expectAggregate(dayBars[0], minutes)
        for hour in hours.prefix(3) {
            let children = minutes.filter { $0.start >= hour.start && $0.start < hour.start.addingTimeInterval(3600) }
            Self.expectAggregate(hour, children)
        }
        let minute = minutes[777]
        let seconds = engine.bars(
            for: eurusd, resolution: .second, from: minute.start, to: minute.start.addingTimeInterval(59), now: now)
        #expect(seconds.count == 60)
        Self.expectAggregate(minute, seconds)
    }

    @Test(arguments: [PriceResolution.minute2, .minute3, .minute5, .minute10, .minute15, .minute30])
    func minuteMultiplesAggregateMinutes(resolution: PriceResolution) {
        let from = date(2022, 2, 8, 9), to = date(2022, 2, 8, 11, 59, 59)
        let bars = engine.bars(for: eurusd, resolution: resolution, from: from, to: to, now: now)
        let minutes = engine.bars(for: eurusd, resolution: .minute, from: from, to: to, now: now)
        let length = resolution.fixedSeconds!
        #expect(bars.count == Int(3 * 3600 / length))
        for bar in bars {
            let children = minutes.filter {
                $0.start >= bar.start && $0.start < bar.start.addingTimeInterval(TimeInterval(length))
            }
            Self.expectAggregate(bar, children)
        }
    }

    @Test(arguments: [PriceResolution.hour2, .hour3, .hour4])
    func hourMultiplesAggregateHours(resolution: PriceResolution) {
        let from = date(2021, 11, 2), to = date(2021, 11, 2, 23, 59, 59)
        let bars = engine.bars(for: eurusd, resolution: resolution, from: from, to: to, now: now)
        let hours = engine.bars(for: eurusd, resolution: .hour, from: from, to: to, now: now)
        #expect(bars.count == 24 * 3600 / Int(resolution.fixedSeconds!))
        for bar in bars {
            let children = hours.filter {
                $0.start >= bar.start && $0.start < bar.start.addingTimeInterval(TimeInterval(resolution.fixedSeconds!))
            }
            Self.expectAggregate(bar, children)
        }
    }

    @Test func weeksAndMonthsAggregateDays() {
        let from = date(2020, 9, 1), to = date(2020, 11, 30, 23, 59, 59)
        let days = engine.bars(for: eurusd, resolution: .day, from: date(2020, 8, 1), to: date(2020, 12, 31), now: now)
        let weeks = engine.bars(for: eurusd, resolution: .week, from: from, to: to, now: now)
        let months = engine.bars(for: eurusd, resolution: .month, from: from, to: to, now: now)
        #expect(months.count == 3)
        #expect(weeks.count == 13)
        for bar in weeks {
            #expect(
                CivilTime.weekday(days: Int64(bar.start.timeIntervalSince1970) / 86_400) == 0, "weeks start on Monday")
            Self.expectAggregate(
                bar, days.filter { $0.start >= bar.start && $0.start < bar.start.addingTimeInterval(7 * 86_400) })
        }
        let september = days.filter { $0.start >= date(2020, 9, 1) && $0.start < date(2020, 10, 1) }
        #expect(september.count == 22)
        Self.expectAggregate(months[0], september)
    }

    @Test func consecutiveBarsJoinUp() {
        let bars = engine.bars(for: eurusd, resolution: .day, from: date(2019, 1, 1), to: date(2019, 12, 31), now: now)
        #expect(bars.count == 261)
        for (previous, next) in zip(bars, bars.dropFirst()) {
            #expect(previous.close == next.open)
            #expect(previous.start < next.start)
        }
    }

    @Test func bidIsBelowAskByTheSpreadAndBarsAreWellFormed() {
        let bars = engine.bars(
            for: eurusd, resolution: .minute, from: date(2025, 5, 6, 10), to: date(2025, 5, 6, 13), now: now)
        #expect(!bars.isEmpty)
        for bar in bars {
            for point in [bar.open, bar.high, bar.low, bar.close] {
                #expect(point.bid < point.ask)
                #expect(abs((point.ask - point.bid) - 0.00006) < 1e-9)
                #expect(point.bid > 0)
            }
            #expect(bar.low.bid <= min(bar.open.bid, bar.close.bid))
            #expect(bar.high.bid >= max(bar.open.bid, bar.close.bid))
            #expect(bar.volume > 0)
        }
    }

    @Test func pricesHaveTheProfilesDecimalPlaces() {
        let bars = engine.bars(for: eurusd, resolution: .hour, count: 50, endingAt: now, now: now)
        for bar in bars {
            let scaled = bar.close.bid * 100_000
            #expect(abs(scaled - scaled.rounded()) < 1e-6)
            #expect(String(bar.close.bid).count <= 7, "\(bar.close.bid) prints with at most 5 decimals")
        }
    }

    @Test func weekendsAreClosedExceptForCrypto() {
        let saturday = date(2024, 6, 8), sunday = date(2024, 6, 9, 23, 59, 59)
        #expect(engine.bars(for: eurusd, resolution: .hour, from: saturday, to: sunday, now: now).isEmpty)
        #expect(engine.bars(for: bitcoin, resolution: .hour, from: saturday, to: sunday, now: now).count == 48)
        let week = engine.bars(for: eurusd, resolution: .day, from: date(2024, 6, 3), to: date(2024, 6, 16), now: now)
        #expect(week.count == 10)
        #expect(!engine.isTrading(eurusd, at: date(2024, 6, 8, 12)))
        #expect(engine.isTrading(bitcoin, at: date(2024, 6, 8, 12)))
        // Counting back over a weekend skips it.
        let monday = date(2024, 6, 10, 0, 30)
        let last = engine.bars(for: eurusd, resolution: .hour, count: 3, endingAt: monday, now: now)
        #expect(last.map(\.start) == [date(2024, 6, 7, 22), date(2024, 6, 7, 23), date(2024, 6, 10)])
        // The quote at a weekend is Friday's last price.
        let quote = engine.quote(for: eurusd, at: date(2024, 6, 8, 12))
        #expect(quote.time == date(2024, 6, 7, 23, 59, 59))
        #expect(quote.bid == week[4].close.bid)
    }

    @Test func historyReachesBackToTheYear2000WithPlausibleLevels() {
        let from = date(2000, 1, 3), to = date(2026, 11, 20)
        let ranges: [(PriceProfile, ClosedRange<Double>)] = [
            (eurusd, 0.5...2.2),
            (
                PriceProfile(key: "FT100", level: 8000, dailyVolatility: 0.009, decimalPlaces: 1, spread: 1),
                2500...25_000
            ),
            (bitcoin, 2_000...1_500_000),
        ]
        for (profile, range) in ranges {
            let months = engine.bars(for: profile, resolution: .month, from: from, to: to, now: now)
            #expect(months.count >= 322)
            #expect(months.first?.start == date(2000, 2, 1))
            for bar in months {
                #expect(range.contains(bar.low.bid), "\(profile.key) low \(bar.low.bid) at \(bar.start)")
                #expect(range.contains(bar.high.bid), "\(profile.key) high \(bar.high.bid) at \(bar.start)")
            }
        }
        let first = engine.bars(
            for: eurusd, resolution: .day, from: date(2000, 1, 3), to: date(2000, 1, 3, 12), now: now)
        #expect(first.count == 1)
    }

    @Test func quotesAtNowContinueTheBarsInProgress() {
        let quote = engine.quote(for: eurusd, at: now)
        #expect(quote.time == now)
        let seconds = engine.bars(for: eurusd, resolution: .second, count: 1, endingAt: now, now: now)
        let minutes = engine.bars(for: eurusd, resolution: .minute, count: 2, endingAt: now, now: now)
        let days = engine.bars(for: eurusd, resolution: .day, count: 1, endingAt: now, now: now)
        #expect(seconds.last?.close.bid == quote.bid)
        #expect(minutes.last?.close.bid == quote.bid)
        #expect(days.last?.close.bid == quote.bid)
        #expect(days.last?.start == date(2026, 11, 25))
        // The partial day equals the aggregate of its hours so far.
        let hours = engine.bars(for: eurusd, resolution: .hour, from: date(2026, 11, 25), to: now, now: now)
        #expect(hours.count == 16)
        Self.expectAggregate(days[0], hours)
        // Nothing after now.
        let future = engine.bars(
            for: eurusd, resolution: .minute, from: date(2026, 11, 25, 15, 30), to: now.addingTimeInterval(3600),
            now: now)
        #expect(future.count == 1)
        let session = engine.session(for: eurusd, at: now)
        #expect(session.close.bid == quote.bid && session.open == days[0].open)
        // A later "now" keeps every earlier second unchanged.
        let later = engine.bars(
            for: eurusd, resolution: .second, count: 5, endingAt: now, now: now.addingTimeInterval(90))
        let earlier = engine.bars(for: eurusd, resolution: .second, count: 5, endingAt: now, now: now)
        #expect(later == earlier)
    }

    @Test func countQueriesReturnExactlyCountBarsOldestFirst() {
        for resolution in PriceResolution.allCases {
            let bars = engine.bars(for: eurusd, resolution: resolution, count: 7, endingAt: now, now: now)
            #expect(bars.count == 7, "\(resolution)")
            #expect(zip(bars, bars.dropFirst()).allSatisfy { $0.start < $1.start }, "\(resolution)")
        }
    }

    @Test func sharedProfileKeysShareThePath() {
        let spreadBet = PriceProfile(
            key: "EURUSD", level: 1.08, dailyVolatility: 0.0045, decimalPlaces: 5, spread: 0.00006)
        let cfd = PriceProfile(key: "EURUSD", level: 1.08, dailyVolatility: 0.0045, decimalPlaces: 5, spread: 0.0001)
        let a = engine.bars(for: spreadBet, resolution: .hour, count: 5, endingAt: now, now: now)
        let b = engine.bars(for: cfd, resolution: .hour, count: 5, endingAt: now, now: now)
        #expect(a.map(\.close.bid) == b.map(\.close.bid))
        #expect(a.map(\.close.ask) != b.map(\.close.ask))
    }

    @Test func childSplitIsExactForDegenerateParents() {
        let path = PricePath(seed: 1, profile: eurusd)
        let flat = TickBar(open: 100, high: 100, low: 100, close: 100, volume: 3600 * 24)
        let flatChildren = path.hourBars(day: 1, dayBar: flat)
        #expect(flatChildren.allSatisfy { $0.open == 100 && $0.high == 100 && $0.low == 100 && $0.close == 100 })
        #expect(flatChildren.map(\.volume).reduce(0, +) == flat.volume)
        let narrow = TickBar(open: 100, high: 101, low: 100, close: 101, volume: 3600 * 24 + 5)
        let children = path.hourBars(day: 2, dayBar: narrow)
        #expect(children.first?.open == 100 && children.last?.close == 101)
        #expect(children.map(\.high).max() == 101 && children.map(\.low).min() == 100)
        #expect(children.map(\.volume).reduce(0, +) == narrow.volume)
    }
}

/// A UTC date.
func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return Date(timeIntervalSince1970: TimeInterval(civil.utcSeconds))
}
