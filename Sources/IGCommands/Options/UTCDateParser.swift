import Foundation
import IGMarketData

/// Reads the spans people type on the command line (`3d`, `6h`); their dates are read by ``UTCDateText``, as UTC.
enum UTCDateParser {
    /// The forms accepted, for help texts and error messages.
    static let forms = UTCDateText.forms

    /// A span typed as a number and a unit: `90s`, `30m`, `6h`, `3d`, `2w` (also `1.5h`), in seconds.
    static func span(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last.flatMap({ units[Character($0.lowercased())] }),
            let count = Double(trimmed.dropLast()), count > 0, count * unit <= longestSpan
        else { return nil }
        return count * unit
    }

    /// The longest span `span(_:)` accepts: 1,000 years, in seconds. Longer ones (`1e30w`) are refused, not turned
    /// into dates and bar counts that overflow.
    static let longestSpan: TimeInterval = 1_000 * 365.25 * 86_400
}
