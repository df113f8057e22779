/// How far a copy between stores has come, reported after each page of bars written.
public struct StoreCopyProgress: Sendable, Hashable {
    /// The series being copied.
    public var series: SeriesKey
    /// Series finished so far, of those with something to copy.
    public var seriesDone: Int
    /// Series with something to copy.
    public var seriesPlanned: Int
    /// Bars written so far.
    public var bars: Int
    /// Bars the copy planned to write (counted in the source before the first was written).
    public var barsPlanned: Int

    /// Progress from its counts.
    public init(series: SeriesKey, seriesDone: Int, seriesPlanned: Int, bars: Int, barsPlanned: Int) {
        self.series = series
        self.seriesDone = seriesDone
        self.seriesPlanned = seriesPlanned
        self.bars = bars
        self.barsPlanned = barsPlanned
    }
}
