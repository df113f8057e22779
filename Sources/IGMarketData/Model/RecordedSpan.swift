/// An interval in which a stream was recorded without loss: from its first update after the recorder started (or
/// after a gap) to the latest update stored (milliseconds since 1970, UTC, both inclusive).
public struct RecordedSpan: Sendable, Hashable, Codable {
    /// The stream.
    public var stream: RecordedStream
    /// Time of the span's first update (ms).
    public var start: Int64
    /// Time of its latest stored update (ms).
    public var end: Int64

    /// A span of `stream` from `start` to `end` (ms).
    public init(stream: RecordedStream, start: Int64, end: Int64) {
        self.stream = stream
        self.start = start
        self.end = Swift.max(start, end)
    }
}
