import Foundation

/// A futures contract month relative to a date.
struct FutureMonth {
    let year: Int
    let month: Int

    init(now: Date, monthsAhead: Int) {
        let today = CivilTime(utcSeconds: Int64(now.timeIntervalSince1970))
        let index = today.year * 12 + (today.month - 1) + monthsAhead
        self.year = index / 12
        self.month = index % 12 + 1
    }

    private static let names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// IG's dated expiry, e.g. `DEC-25`.
    var expiry: String {
        let shortYear = self.year % 100
        return "\(Self.names[self.month - 1])-\(shortYear < 10 ? "0" : "")\(shortYear)"
    }

    /// `yyyy-MM-dd'T'HH:mm` on `day` of this month.
    func stamp(day: Int, time: String) -> String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(self.year)-\(month)-\(dayText)T\(time)"
    }
}
