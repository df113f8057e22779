/// What a copy between stores writes of one recorded stream: the source's spans the destination lacks, each with the
/// stretches whose rows its spans did not hold, and the gaps to add.
struct RecordedStreamCopy: Sendable {
    /// A span of the source to write, once the rows of its ``pieces`` are in.
    struct Span: Sendable {
        /// The span, as the source recorded it.
        var span: RecordedSpan
        /// The parts of it (milliseconds, `[start, end)`, oldest first) that no span of the destination covers: the
        /// rows to copy.
        var pieces: [TimeRange]
    }

    /// The stream, as the source files it.
    var source: RecordedStream
    /// The stream as the destination files it.
    var destination: RecordedStream
    /// Where the source keeps its rows; nil for a candle stream (its candles are bars, copied with their series).
    var rows: RecordedRows?
    /// The spans to write, oldest first.
    var spans: [Span]
    /// The gaps to write, as the destination files them.
    var gaps: [GapRecord]
    /// Rows of the source in the pieces (what a dry run reports).
    var plannedRows: Int

    /// The report of the plan: `rows` rows copied.
    func report(rows: Int) -> StoreCopyReport.Recording {
        StoreCopyReport.Recording(
            stream: source, filedAs: destination, rows: rows, spans: spans.count, gaps: gaps.count)
    }
}
