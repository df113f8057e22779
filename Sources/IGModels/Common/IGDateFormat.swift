public import Foundation

/// The date and time layouts IG uses, parsed and printed without `DateFormatter` and never in the host's time zone.
///
/// Every layout is read as UTC wall-clock fields; account-local layouts (v1/v2 `snapshotTime`, positions'
/// `createdDate`) must be shifted by the caller with the account's offset, or kept as raw strings.
public enum IGDateFormat: Sendable, Hashable, CaseIterable {
    /// `yyyy-MM-dd'T'HH:mm:ss`, optionally with `.SSS` and/or a trailing `Z` (v3 `snapshotTimeUTC`, `dateUtc`).
    case iso
    /// `yyyy/MM/dd HH:mm:ss` (v2/v3 `snapshotTime`, account-local).
    case slashed
    /// `yyyy:MM:dd-HH:mm:ss` (v1 `snapshotTime` and v1 price query dates, account-local).
    case colon
    /// `yyyy-MM-dd HH:mm:ss` (v2 price date-range path).
    case spaced

    /// Parses `text` as UTC wall-clock fields in this layout; `nil` when it does not match.
    public func date(from text: some StringProtocol) -> Date? {
        var fields = IGDateFields()
        let separators: (Character, Character, Character)
        switch self {
        case .iso: separators = ("-", "T", ":")
        case .slashed: separators = ("/", " ", ":")
        case .colon: separators = (":", "-", ":")
        case .spaced: separators = ("-", " ", ":")
        }
        guard
            fields.parse(
                Array(text.utf8), dateSeparator: separators.0, middle: separators.1, timeSeparator: separators.2)
        else { return nil }
        return fields.date
    }

    /// Prints `date` in this layout as UTC wall-clock fields (no fractional seconds, no zone suffix).
    public func string(from date: Date) -> String {
        let f = IGDateFields(date: date)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = [pad(f.year, 4), pad(f.month, 2), pad(f.day, 2)]
        let time = [pad(f.hour, 2), pad(f.minute, 2), pad(f.second, 2)].joined(separator: ":")
        switch self {
        case .iso: return day.joined(separator: "-") + "T" + time
        case .slashed: return day.joined(separator: "/") + " " + time
        case .colon: return day.joined(separator: ":") + "-" + time
        case .spaced: return day.joined(separator: "-") + " " + time
        }
    }

    /// Parses the first layout among `formats` that matches.
    public static func date(
        from text: some StringProtocol, trying formats: [IGDateFormat] = IGDateFormat.allCases
    ) -> Date? {
        for format in formats {
            if let date = format.date(from: text) { return date }
        }
        return nil
    }
}
