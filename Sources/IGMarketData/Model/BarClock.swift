public import IGModels

/// Where bars of a resolution start, in UTC: minutes and hours on the clock, days at midnight, weeks on Monday,
/// months on the 1st.
public enum BarClock {
    /// Start of the bar of `resolution` that contains `second`.
    public static func start(containing second: Int64, _ resolution: Resolution) -> Int64 {
        switch resolution {
        case .week:
            let day = floorDiv(second, 86_400)
            // 1970-01-01 was a Thursday: Monday-based weekday is (day + 3) mod 7.
            let weekday = ((day + 3) % 7 + 7) % 7
            return (day - weekday) * 86_400
        case .month:
            let (year, month, _) = civil(days: floorDiv(second, 86_400))
            return days(year: year, month: month, day: 1) * 86_400
        default:
            let length = Int64(resolution.seconds)
            return floorDiv(second, length) * length
        }
    }

    /// Start of the bar after the one starting at `start`.
    public static func next(after start: Int64, _ resolution: Resolution) -> Int64 {
        switch resolution {
        case .week: return start + 7 * 86_400
        case .month:
            let (year, month, _) = civil(days: floorDiv(start, 86_400))
            return (month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1))
                * 86_400
        default: return start + Int64(resolution.seconds)
        }
    }

    /// How many bars of `resolution` can start in `range` (an upper bound on the points a request for it costs).
    ///
    /// Bars start between the years 1 and 9999, the times the store keeps: a range is clipped to them first, so any
    /// range gives an answer at once, without overflow.
    public static func barCount(in range: TimeRange, _ resolution: Resolution) -> Int {
        let domain = StoredValue.seconds
        let start = min(max(range.start, domain.lowerBound), domain.upperBound + 1)
        let end = min(max(range.end, domain.lowerBound), domain.upperBound + 1)
        guard start < end else { return 0 }
        switch resolution {
        case .week, .month:
            var count = 0
            var time = self.start(containing: start, resolution)
            if time < start { time = next(after: time, resolution) }
            while time < end {
                count += 1
                time = next(after: time, resolution)
            }
            return count
        default:
            // The bar starts k × length with start ≤ k × length < end.
            let length = Int64(resolution.seconds)
            return Int(RecordingTime.ceil(end, length) - RecordingTime.ceil(start, length))
        }
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        RecordingTime.floor(value, divisor)
    }

    /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (ISO 8601's, also before 1582; the year 0
    /// is 1 BC). `month` is 1 to 12; a `day` beyond the month's end runs on into the next.
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian year, month (1 to 12) and day of a count of days since 1970-01-01.
    public static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
