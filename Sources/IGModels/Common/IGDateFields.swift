import Foundation

/// Calendar fields of a UTC instant, computed with the proleptic Gregorian calendar.
struct IGDateFields {
    var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0

    init() {}

    init(date: Date) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondsOfDay = total - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
    }

    var date: Date {
        let days = Self.days(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: seconds + Double(millisecond) / 1000)
    }

    mutating func parse(_ bytes: [UInt8], dateSeparator: Character, middle: Character, timeSeparator: Character) -> Bool
    {
        guard bytes.count >= 19 else { return false }
        let ds = UInt8(ascii: dateSeparator.unicodeScalars.first!)
        let ms = UInt8(ascii: middle.unicodeScalars.first!)
        let ts = UInt8(ascii: timeSeparator.unicodeScalars.first!)
        guard bytes[4] == ds, bytes[7] == ds, bytes[10] == ms, bytes[13] == ts, bytes[16] == ts else { return false }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<start + length {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2), let h = number(11, 2),
            let mi = number(14, 2), let s = number(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24,
            mi < 60, s < 61
        else { return false }
        (year, month, day, hour, minute, second) = (y, mo, d, h, mi, s)
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ":") {
            index += 1
            var digits = 0
            var value = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 {
                    value = value * 10 + Int(bytes[index]) - 48
                    digits += 1
                }
                index += 1
            }
            guard digits > 0 else { return false }
            while digits < 3 {
                value *= 10
                digits += 1
            }
            millisecond = value
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") { index += 1 }
        return index == bytes.count
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a count of days since 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
