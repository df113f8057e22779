import Foundation

/// The bar size of historical prices, with IG's names.
///
/// `Resolution(parsing:)` also accepts the pandas-style aliases trading-ig users know (`1Min`, `5Min`, `1h`,
/// `D`, `W`, `ME`…) and rejects anything else with a ``ResolutionParseError``.
public enum Resolution: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
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

    /// A readable description (never contains a secret).
    public var description: String { rawValue }

    /// The nominal length of one bar in seconds (a month counts as 30 days).
    public var seconds: Int {
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
        case .week: 604_800
        case .month: 2_592_000
        }
    }

    private static let aliases: [String: Resolution] = {
        var table: [String: Resolution] = [
            "1s": .second, "s": .second, "1sec": .second,
            "1min": .minute, "min": .minute, "1t": .minute, "t": .minute, "1m": .minute,
            "1h": .hour, "h": .hour, "1hour": .hour,
            "2h": .hour2, "3h": .hour3, "4h": .hour4,
            "d": .day, "1d": .day, "w": .week, "1w": .week, "m": .month, "me": .month, "ms": .month, "1me": .month,
            // Words people type.
            "minute_1": .minute, "hour_1": .hour, "hourly": .hour,
            "hr": .hour, "1hr": .hour, "2hr": .hour2, "3hr": .hour3, "4hr": .hour4,
            "daily": .day, "1day": .day, "weekly": .week, "1week": .week, "monthly": .month, "1month": .month,
        ]
        for n in [2, 3, 5, 10, 15, 30] {
            let resolution = Resolution(rawValue: "MINUTE_\(n)")!
            table["\(n)min"] = resolution
            table["\(n)t"] = resolution
            table["\(n)m"] = resolution
            table["\(n)mins"] = resolution
        }
        for resolution in Resolution.allCases { table[resolution.rawValue.lowercased()] = resolution }
        return table
    }()

    /// Parses an IG name (`HOUR_4`, any case), a pandas-style alias (`4h`, `15Min`, `D`) or a word such as `hourly`,
    /// `daily`, `4hr` or `15mins`.
    ///
    /// `1m` is a minute, but `1M` (a capital M) is refused as ambiguous: it is a month in Binance's and pandas' spelling
    /// and was read as a minute here, so neither reading is taken silently.
    public init(parsing text: String) throws(ResolutionParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !ResolutionParseError.isAmbiguous(trimmed) else { throw ResolutionParseError(input: text) }
        let key = trimmed.lowercased()
        guard let resolution = Self.aliases[key] else { throw ResolutionParseError(input: text) }
        self = resolution
    }
}
