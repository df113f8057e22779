public import Foundation

/// A UTC instant as people type it: `2026-11-01` (midnight), `2026-11-01T10:00`, `2026-11-01T10:00:30` or
/// `2026-11-01 10:00:30` (fractions of a second allowed), with an optional trailing `Z` or offset (`+01:00`, `-0530`,
/// `+02`, honoured). Used by the `ig` options and by targets files, so both take the same forms.
public enum UTCDateText {
    /// The forms accepted, for help texts and error messages.
    public static let forms =
        "2026-11-01, 2026-11-01T10:00, 2026-11-01T10:00:30 (UTC; a trailing Z or +01:00 also works)"

    /// The instant `text` names, or `nil` when it is not one of the accepted forms or not a real date.
    public static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(maxSplits: 1, whereSeparator: { $0 == "T" || $0 == " " || $0 == "t" })
        guard let datePart = parts.first else { return nil }
        let dateFields = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard dateFields.count == 3, dateFields[0].count == 4, dateFields[1].count == 2, dateFields[2].count == 2,
            let year = Int(dateFields[0]), let month = Int(dateFields[1]), let day = Int(dateFields[2])
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0.0
        var offset = 0
        if parts.count == 2 {
            var time = Substring(parts[1])
            if time.hasSuffix("Z") || time.hasSuffix("z") {
                time = time.dropLast()
            } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                guard let parsed = offsetSeconds(time[sign...]) else { return nil }
                offset = parsed
                time = time[..<sign]
            }
            let fields = time.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 2 || fields.count == 3, fields[0].count == 2, fields[1].count == 2,
                let h = Int(fields[0]), let m = Int(fields[1]), (0...23).contains(h), (0...59).contains(m)
            else { return nil }
            hour = h
            minute = m
            if fields.count == 3 {
                guard fields[2].count >= 2, fields[2].prefix(2).allSatisfy(\.isNumber), let s = Double(fields[2]),
                    s >= 0, s < 60
                else { return nil }
                second = s
            }
        }
        // ISO 8601's proleptic Gregorian calendar, as the store and every printed time use: Foundation's Gregorian
        // calendar switches to the Julian one before 1582, which put `0001-01-01` two days earlier.
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = BarClock.days(year: Int64(year), month: Int64(month), day: Int64(day))
        // Reject dates that roll over (2026-02-30 is not 2026-03-02).
        guard BarClock.civil(days: days) == (Int64(year), Int64(month), Int64(day)) else { return nil }
        let start = Double(days * 86_400 + Int64(hour * 3_600 + minute * 60))
        return Date(timeIntervalSince1970: start + second - Double(offset))
    }

    /// `+01:00`, `-0530`, `+02` in seconds east of UTC.
    private static func offsetSeconds(_ text: Substring) -> Int? {
        guard let sign = text.first else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isNumber),
            let hours = Int(digits.prefix(2)), let minutes = Int(digits.count == 4 ? String(digits.suffix(2)) : "0"),
            hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }
}
