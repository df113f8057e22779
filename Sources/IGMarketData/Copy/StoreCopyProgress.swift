/// How far a copy between stores has come, reported after each page of bars or recorded rows written.
public struct StoreCopyProgress: Sendable, Hashable {
    /// The series being copied; nil once the copy has moved on to the recordings.
    public var series: SeriesKey?
    /// The recorded stream being copied; nil while bars are.
    public var stream: RecordedStream?
    /// Series finished so far, of those with something to copy.
    public var seriesDone: Int
    /// Series with something to copy.
    public var seriesPlanned: Int
    /// Bars written so far.
    public var bars: Int
    /// Bars the copy planned to write (counted in the source before the first was written).
    public var barsPlanned: Int
    /// Recorded rows (ticks, PRICE and account updates) read from the source and written so far.
    public var rows: Int
    /// Recorded rows the copy planned to read and write (counted in the source before the first was written).
    public var rowsPlanned: Int

    /// Progress from its counts.
    public init(
        series: SeriesKey?, stream: RecordedStream? = nil, seriesDone: Int, seriesPlanned: Int, bars: Int,
        barsPlanned: Int, rows: Int = 0, rowsPlanned: Int = 0
    ) {
        self.series = series
        self.stream = stream
        self.seriesDone = seriesDone
        self.seriesPlanned = seriesPlanned
        self.bars = bars
        self.barsPlanned = barsPlanned
        self.rows = rows
        self.rowsPlanned = rowsPlanned
    }
}
