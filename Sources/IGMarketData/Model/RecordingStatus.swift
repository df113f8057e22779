/// What the store holds of one recorded stream, for `ig history status`: the time from its first recorded update to
/// its latest (milliseconds since 1970, UTC; UTC times with milliseconds in JSON), the spans recorded without loss and the gaps between them.
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

    private enum CodingKeys: String, CodingKey { case stream, first, last, spans, gaps }

    /// Reads a status whose `first` and `last` are UTC times with milliseconds (`"2026-12-04T09:36:20.250Z"`) or,
    /// as earlier versions wrote them, milliseconds since 1970.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stream: try container.decode(RecordedStream.self, forKey: .stream),
            first: try StoreTime.decodeMillisecond(forKey: .first, in: container),
            last: try StoreTime.decodeMillisecond(forKey: .last, in: container),
            spans: try container.decode(Int.self, forKey: .spans),
            gaps: try container.decode(Int.self, forKey: .gaps))
    }

    /// Writes `first` and `last` as UTC times with milliseconds (`"2026-12-04T09:36:20.250Z"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stream, forKey: .stream)
        try StoreTime.encode(millisecond: first, forKey: .first, in: &container)
        try StoreTime.encode(millisecond: last, forKey: .last, in: &container)
        try container.encode(spans, forKey: .spans)
        try container.encode(gaps, forKey: .gaps)
    }
}
