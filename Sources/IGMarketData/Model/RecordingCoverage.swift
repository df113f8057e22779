/// What a recording holds for one stream over a range: the seconds recorded without loss and the seconds of
/// recorded gaps (updates may have been lost). Seconds in neither were not recorded at all.
public struct RecordingCoverage: Sendable, Hashable, Codable {
    /// Seconds recorded without loss (spans, minus gaps that another recorder did not cover).
    public var recorded: Coverage
    /// Seconds in which updates may have been lost and that no span of any recorder covers.
    public var gaps: Coverage

    /// A coverage.
    public init(recorded: Coverage, gaps: Coverage) {
        self.recorded = recorded
        self.gaps = gaps
    }

    /// Minutes (aligned to the minute, within `range`) fully recorded without loss, as merged ranges.
    public func coveredMinutes(in range: TimeRange) -> [TimeRange] {
        var result = Coverage()
        var minute = Self.minuteStart(range.start)
        while minute < range.end {
            let whole = TimeRange(start: minute, end: minute + 60)
            if recorded.covers(whole), gaps.missing(in: whole) == [whole] { result.insert(whole) }
            minute += 60
        }
        return result.ranges
    }

    /// Minutes (aligned to the minute, within `range`) that a gap touches, as merged ranges.
    public func gapMinutes(in range: TimeRange) -> [TimeRange] {
        var result = Coverage()
        for gap in gaps.ranges {
            let clamped = gap.clamped(to: TimeRange(start: Self.minuteStart(range.start), end: range.end))
            guard !clamped.isEmpty else { continue }
            let end = Self.minuteStart(clamped.end)
            let (next, overflow) = end.addingReportingOverflow(60)
            let minuteEnd = end == clamped.end ? end : overflow ? Int64.max : next
            result.insert(TimeRange(start: Self.minuteStart(clamped.start), end: minuteEnd))
        }
        return result.ranges
    }

    /// The start of the minute holding `second` (for any `second` a range can hold).
    static func minuteStart(_ second: Int64) -> Int64 {
        let minute = RecordingTime.floor(second, 60)
        return minute.multipliedReportingOverflow(by: 60).overflow ? second : minute * 60
    }
}

extension RecordingCoverage {
    /// The coverage of `range` given a stream's spans and gaps (ms): spans widened to whole seconds, gaps less the
    /// parts a span covers (another recorder's), widened to whole seconds.
    init(spans: [RecordedSpan], gaps: [RecordedGap], within range: TimeRange) {
        let spanMillis = Coverage(spans.map { TimeRange(start: $0.start, end: $0.end) })
        var recorded = Coverage()
        for span in spans {
            recorded.insert(
                TimeRange(
                    start: RecordingTime.floorSeconds(span.start), end: RecordingTime.ceilSeconds(span.end)
                ).clamped(to: range))
        }
        var lost = Coverage()
        for gap in gaps {
            for piece in spanMillis.missing(in: TimeRange(start: gap.start, end: gap.end)) {
                lost.insert(
                    TimeRange(
                        start: RecordingTime.floorSeconds(piece.start), end: RecordingTime.ceilSeconds(piece.end)
                    ).clamped(to: range))
            }
        }
        self.init(recorded: recorded, gaps: lost)
    }
}
