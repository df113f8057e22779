public import Foundation

/// Millisecond helpers of recordings (times in milliseconds since 1970, UTC).
public enum RecordingTime {
    /// Whole seconds of a millisecond time, rounded down.
    public static func floorSeconds(_ millis: Int64) -> Int64 {
        millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
    }

    /// Whole seconds of a millisecond time, rounded up.
    public static func ceilSeconds(_ millis: Int64) -> Int64 {
        -floorSeconds(-millis)
    }

    /// Milliseconds since 1970 of a date (rounded to the nearest; clamped far from overflow).
    public static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else { return 0 }
        return Int64(Swift.max(Swift.min(value, 9.0e15), -9.0e15))
    }
}
