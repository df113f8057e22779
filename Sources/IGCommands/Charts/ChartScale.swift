import Foundation

/// Axis arithmetic shared by the terminal and SVG charts: "nice" price ticks, price labels, UTC time ticks.
enum ChartScale {
    /// Round tick values (steps of 1, 2 or 5 × 10ⁿ) covering `low...high`, about `count` of them.
    static func priceTicks(low: Double, high: Double, count: Int) -> [Double] {
        guard high.isFinite, low.isFinite, count > 0 else { return [] }
        guard high > low else { return [low] }
        let step = niceStep((high - low) / Double(max(count, 1)))
        var value = (low / step).rounded(.up) * step
        var ticks: [Double] = []
        while value <= high + step * 1e-9, ticks.count < 100 {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw * (1 - 1e-12) {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// Decimal places that show the difference between neighbouring ticks (0…6).
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 2 }
        return min(6, max(0, Int((-log10(step)).rounded(.up))))
    }

    /// A price with `decimals` places, without grouping (`1.08345`, `7512.5`).
    static func price(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Time steps a time axis can use, in seconds, finest first.
    static let timeSteps: [Int] = [
        60, 300, 900, 1_800, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400, 2 * 86_400, 7 * 86_400,
        14 * 86_400, 30 * 86_400, 91 * 86_400, 365 * 86_400,
    ]

    /// Indices of `times` where a new period of a round step begins, chosen so that at most `maximum` labels
    /// appear. Bars are spaced evenly whatever their times (weekend gaps collapse), so ticks are bar indices.
    static func timeTicks(_ times: [Date], maximum: Int) -> (indices: [Int], step: Int) {
        guard let first = times.first, let last = times.last, maximum > 0 else { return ([], 60) }
        let span = max(last.timeIntervalSince(first), 60)
        for step in timeSteps {
            let indices = boundaries(times, step: step)
            if indices.count <= maximum, span / Double(step) <= Double(maximum) * 4 || step == timeSteps.last {
                return (indices, step)
            }
        }
        return (boundaries(times, step: timeSteps[timeSteps.count - 1]), timeSteps[timeSteps.count - 1])
    }

    private static func boundaries(_ times: [Date], step: Int) -> [Int] {
        var indices: [Int] = []
        var previous: Int?
        for (index, time) in times.enumerated() {
            let period = Int((time.timeIntervalSince1970 / Double(step)).rounded(.down))
            if let previous, period != previous { indices.append(index) }
            previous = period
        }
        return indices
    }

    /// A UTC time label fitting the tick step: `14:00` within a day, `11-03 14:00` for hours, `2026-11-03` for days.
    static func timeLabel(_ date: Date, step: Int) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (y, mo, d, h, mi) = (c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        if step < 3_600 { return String(format: "%02d:%02d", h, mi) }
        if step < 86_400 { return String(format: "%02d-%02d %02d:%02d", mo, d, h, mi) }
        if step < 365 * 86_400 { return String(format: "%04d-%02d-%02d", y, mo, d) }
        return String(format: "%04d", y)
    }

    /// A full UTC timestamp, `2026-11-03 14:00`.
    static func fullTime(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
