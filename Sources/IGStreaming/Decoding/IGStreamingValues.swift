import Foundation
import Lightstreamer

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
