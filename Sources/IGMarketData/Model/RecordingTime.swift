public import Foundation

/// Millisecond helpers of recordings (times in milliseconds since 1970, UTC).
public enum RecordingTime {
    /// Whole seconds of a millisecond time, rounded down.
    public static func floorSeconds(_ millis: Int64) -> Int64 {
        floor(millis, 1000)
    }

    /// Whole seconds of a millisecond time, rounded up.
    public static func ceilSeconds(_ millis: Int64) -> Int64 {
        ceil(millis, 1000)
    }

    /// `value / divisor` rounded down, for any `value` (no intermediate that could overflow) and `divisor > 0`.
    static func floor(_ value: Int64, _ divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// `value / divisor` rounded up, for any `value` (no intermediate that could overflow) and `divisor > 0`.
    static func ceil(_ value: Int64, _ divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }

    /// Milliseconds since 1970 of a date (rounded to the nearest; clamped far from overflow).
    public static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else { return 0 }
        return Int64(Swift.max(Swift.min(value, 9.0e15), -9.0e15))
    }
}
