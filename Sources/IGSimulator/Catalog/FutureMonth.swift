import Foundation

/// One dated contract: the contract month and, from it, IG's expiry label and last dealing time.
///
/// The simulator's convention: a contract's last dealing time is 19:00 UTC on the 15th of its month, moved back to
/// the Friday before when the 15th falls at a weekend; the last rollover is 18:45 UTC on the dealing day before.
struct FutureMonth: Sendable, Hashable {
    let year: Int
    let month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The contract `monthsAhead` calendar months after the month of `now` (0: the month of `now`).
    init(now: Date, monthsAhead: Int) {
        let today = CivilTime(utcSeconds: Int64(now.timeIntervalSince1970))
        self.init(index: today.year * 12 + (today.month - 1) + monthsAhead)
    }

    private init(index: Int) {
        self.year = index / 12
        self.month = index % 12 + 1
    }

    /// The contract of an absolute month number (`year × 12 + month`, month 1–12).
    init(absoluteMonth: Int) {
        self.init(index: absoluteMonth - 1)
    }

    /// `year × 12 + month` (month 1–12): contracts listed every `n` months are those whose number divides by `n`.
    var absoluteMonth: Int { self.year * 12 + self.month }

    /// The contract `months` calendar months after this one.
    func adding(months: Int) -> FutureMonth {
        FutureMonth(index: self.year * 12 + (self.month - 1) + months)
    }

    /// The nearest contract of a market listing one every `every` months (1, 2, 3, 4, 6 or 12; the months whose
    /// number divides by it) still dealing at `now` (its last dealing time lies after `now`).
    static func front(at now: Date, every: Int) -> FutureMonth {
        var candidate = FutureMonth(now: now, monthsAhead: 0)
        while candidate.absoluteMonth % every != 0 || candidate.lastDealing <= now {
            candidate = candidate.adding(months: 1)
        }
        return candidate
    }

    private static let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// IG's dated expiry, e.g. `DEC-25`.
    var expiry: String {
        let shortYear = self.year % 100
        return "\(Self.names[self.month - 1])-\(shortYear < 10 ? "0" : "")\(shortYear)"
    }

    /// The contract an IG expiry label names (`DEC-25`, or `15-DEC-25` with a day), or nil for `DFB`, `-` and
    /// anything else; two-digit years are read in 2000–2099.
    init?(expiry: String) {
        let parts = expiry.uppercased().split(separator: "-")
        guard parts.count == 2 || parts.count == 3, let yearText = parts.last, yearText.count == 2,
            let shortYear = Int(yearText), let index = Self.names.firstIndex(of: String(parts[parts.count - 2]))
        else { return nil }
        self.init(year: 2000 + shortYear, month: index + 1)
    }

    /// The day (of this month) trading stops: the 15th, or the Friday before it when it falls at a weekend.
    private var lastDealingDay: Int64 {
        let fifteenth = CivilTime.days(year: self.year, month: self.month, day: 15)
        let weekday = CivilTime.weekday(days: fifteenth)
        return fifteenth - Int64(weekday >= 5 ? weekday - 4 : 0)
    }

    /// The instant trading in this contract stops (19:00 UTC on its last dealing day).
    var lastDealing: Date {
        Date(timeIntervalSince1970: TimeInterval(self.lastDealingDay * CivilTime.secondsPerDay + 19 * 3600))
    }

    /// The last rollover time: 18:45 UTC on the weekday before the last dealing day.
    var lastRollover: Date {
        var day = self.lastDealingDay - 1
        while CivilTime.weekday(days: day) >= 5 { day -= 1 }
        return Date(timeIntervalSince1970: TimeInterval(day * CivilTime.secondsPerDay + 18 * 3600 + 45 * 60))
    }

    /// `yyyy-MM-dd'T'HH:mm` (UTC) of an instant, IG's format for expiry details.
    static func stamp(_ date: Date) -> String {
        let time = CivilTime(utcSeconds: Int64(date.timeIntervalSince1970))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(time.year)-\(two(time.month))-\(two(time.day))T\(two(time.hour)):\(two(time.minute))"
    }
}
