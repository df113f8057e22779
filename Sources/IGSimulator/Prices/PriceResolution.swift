/// IG's historical price resolutions, spelled as IG spells them.
public enum PriceResolution: String, CaseIterable, Sendable, Hashable {
    /// One second.
    case second = "SECOND"
    /// One minute.
    case minute = "MINUTE"
    /// Two minutes.
    case minute2 = "MINUTE_2"
    /// Three minutes.
    case minute3 = "MINUTE_3"
    /// Five minutes.
    case minute5 = "MINUTE_5"
    /// Ten minutes.
    case minute10 = "MINUTE_10"
    /// Fifteen minutes.
    case minute15 = "MINUTE_15"
    /// Thirty minutes.
    case minute30 = "MINUTE_30"
    /// One hour.
    case hour = "HOUR"
    /// Two hours.
    case hour2 = "HOUR_2"
    /// Three hours.
    case hour3 = "HOUR_3"
    /// Four hours.
    case hour4 = "HOUR_4"
    /// One day.
    case day = "DAY"
    /// One week.
    case week = "WEEK"
    /// One month.
    case month = "MONTH"

    /// The fixed length of a bar in seconds, or nil for calendar resolutions (WEEK, MONTH).
    public var fixedSeconds: Int64? {
        switch self {
        case .second: 1
        case .minute: 60
        case .minute2: 120
        case .minute3: 180
        case .minute5: 300
        case .minute10: 600
        case .minute15: 900
        case .minute30: 1800
        case .hour: 3600
        case .hour2: 7200
        case .hour3: 10_800
        case .hour4: 14_400
        case .day: 86_400
        case .week, .month: nil
        }
    }

    /// The typical length of a bar in seconds (WEEK = 7 days, MONTH = 31 days), for estimates.
    public var nominalSeconds: Int64 {
        switch self {
        case .week: 7 * 86_400
        case .month: 31 * 86_400
        default: self.fixedSeconds ?? 60
        }
    }

    /// Parses IG's names case-insensitively; also accepts the v1/v2 aliases `MINUTE_1`, `HOUR_1`, `DAY_1`…
    public init?(igName: String) {
        let name = igName.uppercased()
        if let resolution = PriceResolution(rawValue: name) {
            self = resolution
            return
        }
        switch name {
        case "MINUTE_1": self = .minute
        case "HOUR_1": self = .hour
        case "DAY_1": self = .day
        case "WEEK_1": self = .week
        case "MONTH_1": self = .month
        default: return nil
        }
    }
}
