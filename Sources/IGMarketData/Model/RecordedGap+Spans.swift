extension RecordedGap {
    /// The parts of this gap that no span in `spans` of the same stream covers, as gaps with the same reason. Another
    /// recorder writing the same stream into the store (a team's, or one whose store was copied in) may have
    /// recorded those times without loss: they are then no gap, and filling them from IG would spend points on bars
    /// the recording already holds. The recorder's own spans end where the gap starts and resume where it ends.
    public func uncovered(by spans: [RecordedSpan]) -> [RecordedGap] {
        let covered = Coverage(spans.filter { $0.stream == stream }.map { TimeRange(start: $0.start, end: $0.end) })
        return covered.missing(in: TimeRange(start: start, end: end)).map {
            RecordedGap(stream: stream, start: $0.start, end: $0.end, reason: reason)
        }
    }
}
