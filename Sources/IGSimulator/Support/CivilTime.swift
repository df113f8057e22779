import Foundation

/// Calendar arithmetic on UTC seconds since 1970, without Foundation calendars or time-zone data.
///
/// IG's account-local times are UK times; the UK offset is computed here from the EU summer-time rule
/// (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC), so results never depend on the host.
struct CivilTime: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    static let secondsPerDay: Int64 = 86_400

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (days since 1970-01-01).
    static func date(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Floor division for possibly negative values.
    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// ISO weekday of a day number: Monday = 0 … Sunday = 6.
    static func weekday(days: Int64) -> Int {
        Int(((days + 3) % 7 + 7) % 7)
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The civil UTC time of `seconds` since 1970.
    init(utcSeconds seconds: Int64) {
        let days = Self.floorDiv(seconds, Self.secondsPerDay)
        let rest = Int(seconds - days * Self.secondsPerDay)
        let date = Self.date(days: days)
        self.init(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: rest / 3600,
            minute: rest % 3600 / 60,
            second: rest % 60
        )
    }

    /// Seconds since 1970 of this civil time read as UTC.
    var utcSeconds: Int64 {
        Self.days(year: self.year, month: self.month, day: self.day) * Self.secondsPerDay
            + Int64(self.hour * 3600 + self.minute * 60 + self.second)
    }

    /// UTC seconds of the last Sunday of `month` at 01:00 UTC.
    private static func lastSundayOneAM(year: Int, month: Int) -> Int64 {
        let nextMonthFirst =
            month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1)
        let lastDay = nextMonthFirst - 1
        let sunday = lastDay - Int64((weekday(days: lastDay) + 1) % 7)
        return sunday * secondsPerDay + 3600
    }

    /// The UK offset from UTC in hours (0 in winter, 1 in summer) at an instant.
    static func londonOffsetHours(utcSeconds seconds: Int64) -> Int {
        let year = CivilTime(utcSeconds: seconds).year
        let start = lastSundayOneAM(year: year, month: 3)
        let end = lastSundayOneAM(year: year, month: 10)
        return seconds >= start && seconds < end ? 1 : 0
    }

    /// The civil UK time of an instant.
    static func london(utcSeconds seconds: Int64) -> CivilTime {
        CivilTime(utcSeconds: seconds + Int64(londonOffsetHours(utcSeconds: seconds) * 3600))
    }
}

extension CivilTime {
    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `yyyy-MM-dd'T'HH:mm:ss`
    var isoString: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T\(self.timeString)"
    }

    /// `yyyy/MM/dd HH:mm:ss`
    var slashedString: String {
        "\(Self.pad(year, 4))/\(Self.pad(month, 2))/\(Self.pad(day, 2)) \(self.timeString)"
    }

    /// `yyyy:MM:dd-HH:mm:ss` (v1 prices)
    var colonString: String {
        "\(Self.pad(year, 4)):\(Self.pad(month, 2)):\(Self.pad(day, 2))-\(self.timeString)"
    }

    /// `HH:mm:ss`
    var timeString: String {
        "\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))"
    }

    /// Parses the date-time spellings IG clients send: `yyyy-MM-dd'T'HH:mm:ss` (optionally with fractional seconds
    /// and a `Z` or `±HH:mm` offset), `yyyy-MM-dd HH:mm:ss`, `yyyy/MM/dd HH:mm:ss`, `yyyy:MM:dd-HH:mm:ss` and a bare
    /// `yyyy-MM-dd`. Returns UTC seconds (naive values are taken as UTC), or nil when unparsable.
    static func parse(_ text: String) -> Int64? {
        let scalars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = scalars[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func separator(_ allowed: String) -> Bool {
            guard index < scalars.count, allowed.utf8.contains(scalars[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), separator("-/:"), let month = number(2), separator("-/:"),
            let day = number(2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var civil = CivilTime(year: year, month: month, day: day)
        if index == scalars.count { return civil.utcSeconds }
        guard separator("T -"), let hour = number(2), separator(":"), let minute = number(2) else { return nil }
        civil.hour = hour
        civil.minute = minute
        if separator(":") {
            guard let second = number(2) else { return nil }
            civil.second = second
        }
        guard hour < 24, minute < 60, civil.second < 61 else { return nil }
        if separator(".") {
            while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 { index += 1 }
        }
        var offsetSeconds: Int64 = 0
        if index < scalars.count {
            let sign = scalars[index]
            if sign == UInt8(ascii: "Z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 1
                guard let offsetHours = number(2) else { return nil }
                _ = separator(":")
                let offsetMinutes = number(2) ?? 0
                offsetSeconds = Int64(offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
            }
        }
        guard index == scalars.count else { return nil }
        return civil.utcSeconds - offsetSeconds
    }
}
