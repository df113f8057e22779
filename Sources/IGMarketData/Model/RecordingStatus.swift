/// What the store holds of one recorded stream, for `ig history status`: the time from its first recorded update to
/// its latest (milliseconds since 1970, UTC), the spans recorded without loss and the gaps between them.
public struct RecordingStatus: Sendable, Hashable, Codable {
    /// The stream.
    public var stream: RecordedStream
    /// Time of the first recorded update (ms): the earliest span's start.
    public var first: Int64
    /// Time of the latest recorded update (ms): the latest span's end.
    public var last: Int64
    /// Spans recorded without loss (one per recorder run and per stretch between gaps).
    public var spans: Int
    /// Gaps in which updates may have been lost.
    public var gaps: Int

    /// A status from its parts.
    public init(stream: RecordedStream, first: Int64, last: Int64, spans: Int, gaps: Int) {
        self.stream = stream
        self.first = first
        self.last = last
        self.spans = spans
        self.gaps = gaps
    }
}
