/// IG's daily funding cut-off: 10pm UK time (22:00 UTC in winter, 21:00 UTC during British Summer Time).
enum FundingCutOff {
    /// The cut-off of UTC day `day` (days since 1970), in seconds since 1970.
    static func second(day: Int64) -> Int64 {
        let evening = day * CivilTime.secondsPerDay + 21 * 3600
        return day * CivilTime.secondsPerDay + 22 * 3600
            - Int64(CivilTime.londonOffsetHours(utcSeconds: evening)) * 3600
    }

    /// The cut-offs in `(after, through]`, oldest first.
    static func between(after: Int64, through: Int64) -> [Int64] {
        guard through > after else { return [] }
        var day = CivilTime.floorDiv(after, CivilTime.secondsPerDay) - 1
        var result = [Int64]()
        while true {
            let cutOff = self.second(day: day)
            if cutOff > through { break }
            if cutOff > after { result.append(cutOff) }
            day += 1
        }
        return result
    }

    /// Days of funding a cut-off carries for a market: 1, 3 on Fridays for markets closed at weekends (the weekend
    /// is funded then), 0 on Saturdays and Sundays for those markets.
    static func days(at cutOff: Int64, tradesAtWeekends: Bool) -> Int {
        guard !tradesAtWeekends else { return 1 }
        switch CivilTime.weekday(days: CivilTime.floorDiv(cutOff, CivilTime.secondsPerDay)) {
        case 4: return 3
        case 5, 6: return 0
        default: return 1
        }
    }
}
