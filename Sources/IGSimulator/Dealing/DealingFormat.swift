import Foundation

/// IG's date spellings and JSON number rendering used by the dealing routes and events.
enum DealingFormat {
    /// A Decimal (or null) as a JSON number.
    static func number(_ value: Decimal?) -> SimulatorJSON {
        guard let value else { return .null }
        // Through the decimal text: NSDecimalNumber.doubleValue is not always the nearest double (63163.18 became
        // 63163.18000000001), while parsing the text is, so the JSON shows exactly the Decimal's digits.
        return .double(Double(Self.text(value)) ?? NSDecimalNumber(decimal: value).doubleValue)
    }

    /// A Decimal as a plain string, e.g. `1.08123`.
    static func text(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    private static func civil(_ date: Date) -> CivilTime { CivilTime(utcSeconds: PriceEngine.second(date)) }

    private static func millis(_ date: Date) -> String {
        // Through the remainder first: converting the whole millisecond count would trap for far-off dates.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let remainder = milliseconds.truncatingRemainder(dividingBy: 1000)
        let ms = remainder.isFinite ? (Int(remainder) + 1000) % 1000 : 0
        let text = String(ms)
        return String(repeating: "0", count: 3 - text.count) + text
    }

    /// `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    static func iso(_ date: Date) -> String { civil(date).isoString }

    /// `yyyy-MM-dd'T'HH:mm:ss.SSS` (UTC): confirms and TRADE events.
    static func isoMillis(_ date: Date) -> String { iso(date) + "." + millis(date) }

    /// `yyyy/MM/dd HH:mm:ss:SSS` in UK time: positions' and orders' `createdDate`.
    static func localCreated(_ date: Date) -> String {
        CivilTime.london(utcSeconds: PriceEngine.second(date)).slashedString + ":" + millis(date)
    }

    /// `yyyy/MM/dd HH:mm` (UTC): working orders' `goodTillDate`.
    static func slashedMinutes(_ date: Date) -> String { String(civil(date).slashedString.prefix(16)) }

    /// `yyyy-MM-dd'T'HH:mm` (UTC): working orders' `goodTillDateISO`.
    static func isoMinutes(_ date: Date) -> String { String(iso(date).prefix(16)) }

    /// `dd/MM/yy` and `HH:mm` in UK time (v1 activity).
    static func v1DateAndTime(_ date: Date) -> (String, String) {
        let local = CivilTime.london(utcSeconds: PriceEngine.second(date))
        let iso = local.isoString
        let year = iso.dropFirst(2).prefix(2)
        let month = iso.dropFirst(5).prefix(2)
        let day = iso.dropFirst(8).prefix(2)
        return ("\(day)/\(month)/\(year)", String(iso.dropFirst(11).prefix(5)))
    }

    /// `dd/MM/yy HH:mm` (v1 working orders' `goodTill`).
    static func v1GoodTill(_ date: Date) -> String {
        let (day, time) = v1DateAndTime(date)
        return day + " " + time
    }

    /// Parses `goodTillDate`: `yyyy/MM/dd HH:mm:ss` (UTC), `yyyy/MM/dd HH:mm`, ISO spellings, or Unix ms digits.
    /// Nil when unreadable or outside years 1970–9999 (`1e308` ms is a number, not a date).
    static func parseGoodTill(_ value: SimulatorJSON) -> Date? {
        let milliseconds: Double?
        switch value {
        case .int(let ms): milliseconds = Double(ms)
        case .double(let ms): milliseconds = ms
        default:
            guard let text = value.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            if text.allSatisfy(\.isNumber) {
                milliseconds = Double(text)
            } else if let seconds = CivilTime.parse(text) ?? CivilTime.parse(text + ":00") {
                milliseconds = Double(seconds) * 1000
            } else {
                return nil
            }
        }
        guard let milliseconds, milliseconds.isFinite, (0...Self.latestMilliseconds).contains(milliseconds) else {
            return nil
        }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// 9999-12-31T23:59:59.999Z in Unix milliseconds: the latest date IG's formats can spell.
    static let latestMilliseconds: Double = 253_402_300_799_999
}
