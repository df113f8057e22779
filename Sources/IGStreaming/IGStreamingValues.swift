import Foundation
import Lightstreamer

/// Reads one item update's values by field name.
struct IGFieldReader {
    let fields: [String: Int]
    let update: TLCPItemUpdate

    func string(_ name: String) -> String? {
        guard let index = fields[name], index < update.values.count else { return nil }
        return update.values[index]
    }

    func decimal(_ name: String) -> Decimal? {
        guard let text = string(name), !text.isEmpty else { return nil }
        return IGStreamingValues.decimal(text)
    }

    func int(_ name: String) -> Int? {
        guard let text = string(name) else { return nil }
        return Int(text) ?? IGStreamingValues.decimal(text).map { NSDecimalNumber(decimal: $0).intValue }
    }

    /// Epoch milliseconds → `Date`.
    func epochMillis(_ name: String) -> Date? {
        guard let text = string(name), let millis = Int64(text) ?? Double(text).map({ Int64($0) }) else { return nil }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    func isChanged(_ name: String) -> Bool {
        guard let index = fields[name] else { return false }
        return update.changedFields.contains(index)
    }

    /// The names of the fields that changed with this update.
    func changedNames(_ schema: [String]) -> Set<String> {
        Set(update.changedFields.compactMap { $0 < schema.count ? schema[$0] : nil })
    }
}

/// Conversions of IG's streamed values.
public enum IGStreamingValues {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses a decimal exactly (`1.23456` stays `1.23456`); `nil` for text that is not a number.
    public static func decimal(_ text: String) -> Decimal? {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return nil }
        return plainDecimal(text) ?? Decimal(string: text, locale: posix)
    }

    /// Resolves IG's `UPDATE_TIME` (`HH:mm:ss` in UK local time, GMT or BST) to the UTC instant nearest to
    /// `reference` (normally the time the update was received): around midnight the update may belong to the
    /// previous or the next UK day, and the UK offset follows daylight saving time on that day.
    public static func ukTimeOfDay(_ text: String, near reference: Date) -> Date? {
        let parts = text.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        var calendar = Calendar(identifier: .gregorian)
        guard let london = TimeZone(identifier: "Europe/London") else { return nil }
        calendar.timeZone = london
        var best: Date?
        for dayOffset in [-1, 0, 1] {
            guard let day = calendar.date(byAdding: .day, value: dayOffset, to: reference) else { continue }
            var components = calendar.dateComponents([.year, .month, .day], from: day)
            components.hour = hour
            components.minute = minute
            components.second = second
            guard let candidate = calendar.date(from: components) else { continue }
            if best.map({ abs(candidate.timeIntervalSince(reference)) < abs($0.timeIntervalSince(reference)) })
                ?? true
            {
                best = candidate
            }
        }
        return best
    }
}
