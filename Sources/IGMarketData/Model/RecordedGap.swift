/// An interval of a recorded stream in which updates may have been lost: from the last update stored before the
/// fault to the first update stored after it (milliseconds since 1970, UTC).
public struct RecordedGap: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stream concerned.
    public var stream: RecordedStream
    /// Time of the last update stored before the fault (ms).
    public var start: Int64
    /// Time of the first update stored after it (ms).
    public var end: Int64
    /// Why updates may have been lost: `session` (a new Lightstreamer session), `conflated`, `overflow`,
    /// `resubscribed` or `restart` (the recorder was not running).
    public var reason: String

    /// A gap of `stream` from `start` to `end` (ms).
    public init(stream: RecordedStream, start: Int64, end: Int64, reason: String) {
        self.stream = stream
        self.start = start
        self.end = Swift.max(start, end)
        self.reason = reason
    }

    /// The gap in whole seconds, widened to cover it: `[start rounded down, end rounded up)`.
    public var seconds: TimeRange {
        TimeRange(start: RecordingTime.floorSeconds(start), end: RecordingTime.ceilSeconds(end))
    }

    /// `stream [start, end) reason`.
    public var description: String { "\(stream) \(seconds) \(reason)" }
}
