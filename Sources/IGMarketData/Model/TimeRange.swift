public import Foundation

/// A half-open range of bar start times, `[start, end)`, in whole seconds since 1970 (UTC); UTC times in JSON.
///
/// A bar belongs to a range when its start time lies in it; coverage, plans and requests all use this one shape.
public struct TimeRange: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// First second in the range.
    public var start: Int64
    /// First second after the range.
    public var end: Int64

    /// A range; an `end` before `start` gives an empty range at `start`.
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = Swift.max(start, end)
    }

    /// The range of bar starts from `from` (inclusive) to `to` (exclusive).
    public init(from: Date, to: Date) {
        self.init(start: Self.seconds(from), end: Self.seconds(to))
    }

    /// Whether the range holds no second.
    public var isEmpty: Bool { end <= start }

    /// Its length in seconds.
    public var length: Int64 { end - start }

    /// Start as a date.
    public var startDate: Date { Date(timeIntervalSince1970: TimeInterval(start)) }
    /// End (exclusive) as a date.
    public var endDate: Date { Date(timeIntervalSince1970: TimeInterval(end)) }

    /// Whether `second` lies in the range.
    public func contains(_ second: Int64) -> Bool { second >= start && second < end }

    /// The common part of two ranges (empty when they do not overlap).
    public func clamped(to other: TimeRange) -> TimeRange {
        TimeRange(start: Swift.max(start, other.start), end: Swift.min(end, other.end))
    }

    /// Orders ranges by start, then by end.
    public static func < (lhs: TimeRange, rhs: TimeRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// The range as UTC times, `[start, end)`.
    public var description: String {
        "[\(StoreTime.iso(start)), \(StoreTime.iso(end)))"
    }

    /// Whole seconds since 1970 of a date (rounded down). A date beyond what `Int64` holds (or not a number) gives
    /// `Int64.max` or `Int64.min` rather than trapping; the store refuses to write such a time.
    public static func seconds(_ date: Date) -> Int64 {
        let value = date.timeIntervalSince1970.rounded(.down)
        guard value > -9.2e18 else { return Int64.min }
        guard value < 9.2e18 else { return Int64.max }
        return Int64(value)
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    /// Reads a range whose `start` and `end` are UTC times (`"2025-03-03T00:00:00Z"`) or, as earlier versions wrote
    /// them, seconds since 1970.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            start: try StoreTime.decodeSecond(forKey: .start, in: container),
            end: try StoreTime.decodeSecond(forKey: .end, in: container))
    }

    /// Writes `start` and `end` as UTC times (`"2025-03-03T00:00:00Z"`, `end` exclusive); a second too far from 1970
    /// for a nine-digit year is written as the number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try StoreTime.encode(second: start, forKey: .start, in: &container)
        try StoreTime.encode(second: end, forKey: .end, in: &container)
    }
}
