/// What ``MarketDataStore/copy(from:environment:epics:resolutions:dryRun:pageSize:progress:)`` copied into a store,
/// or, for a dry run, what it would copy.
public struct StoreCopyReport: Sendable, Hashable, Codable {
    /// One series of the source and what of it the destination lacked.
    public struct Series: Sendable, Hashable, Codable {
        /// The series, as the source files it.
        public var key: SeriesKey
        /// The series as the destination files it: the same, except that an epic the destination already held in
        /// another letter case keeps the destination's spelling (one market, one series).
        public var filedAs: SeriesKey
        /// The ranges the source covers and the destination did not, oldest first: what was copied, each with its
        /// bars (ranges IG answered as empty included, which are copied as covered with no bars).
        public var ranges: [TimeRange]
        /// Bars copied (for a dry run: bars that would be).
        public var bars: Int
        /// Bars the source holds of the series.
        public var sourceBars: Int

        /// A series' part of a copy from its parts; `filedAs` is `key` when not given.
        public init(key: SeriesKey, filedAs: SeriesKey? = nil, ranges: [TimeRange], bars: Int, sourceBars: Int) {
            self.key = key
            self.filedAs = filedAs ?? key
            self.ranges = ranges
            self.bars = bars
            self.sourceBars = sourceBars
        }

        /// Whether the destination already covered everything the source covers of the series.
        public var isCovered: Bool { ranges.isEmpty }
    }

    /// One recorded stream of the source (ticks, PRICE updates, an account's ACCOUNT or TRADE updates, or a candle
    /// stream) and what of it the destination lacked.
    public struct Recording: Sendable, Hashable, Codable {
        /// The stream, as the source files it.
        public var stream: RecordedStream
        /// The stream as the destination files it: a market's epic in the destination's letter case when it held the
        /// epic so already (an account's streams keep their account id).
        public var filedAs: RecordedStream
        /// Rows copied (for a dry run: rows of the source that would be read and written; rows the destination
        /// already held are not added again): ticks of a `TICK` stream, updates of a `PRICE`, `ACCOUNT` or `TRADE`
        /// stream. 0 for a candle stream, whose candles are bars and are copied with their series.
        public var rows: Int
        /// Spans (stretches recorded without loss) of the source that the destination's spans did not cover,
        /// written once their rows are in.
        public var spans: Int
        /// Gaps of the source written: those the destination did not hold and that the spans of both stores do not
        /// cover entirely.
        public var gaps: Int

        /// A stream's part of a copy from its parts; `filedAs` is `stream` when not given.
        public init(stream: RecordedStream, filedAs: RecordedStream? = nil, rows: Int, spans: Int, gaps: Int) {
            self.stream = stream
            self.filedAs = filedAs ?? stream
            self.rows = rows
            self.spans = spans
            self.gaps = gaps
        }

        /// Whether the destination already held everything the source recorded of the stream.
        public var isCovered: Bool { rows == 0 && spans == 0 && gaps == 0 }
    }

    /// Every series of the source the filters chose, in the source's order (environment, epic, resolution), those
    /// the destination already covered included.
    public var series: [Series]
    /// Every recorded stream of the source the filters chose, in the source's order (environment, epic, stream),
    /// those the destination already held included.
    public var recordings: [Recording]
    /// Allowance ledger entries copied: those of the source the destination did not hold yet.
    public var ledgerEntries: Int
    /// Market details copied: epics whose details the destination lacked or held from an earlier time.
    public var markets: Int
    /// Whether this is a dry run's plan (nothing was written).
    public var dryRun: Bool

    /// A report from its parts.
    public init(
        series: [Series], recordings: [Recording] = [], ledgerEntries: Int, markets: Int, dryRun: Bool
    ) {
        self.series = series
        self.recordings = recordings
        self.ledgerEntries = ledgerEntries
        self.markets = markets
        self.dryRun = dryRun
    }

    /// Bars copied in all, or to copy.
    public var bars: Int { series.reduce(0) { $0 + $1.bars } }
    /// Ranges copied in all, or to copy.
    public var ranges: Int { series.reduce(0) { $0 + $1.ranges.count } }
    /// Ticks copied, or to copy.
    public var ticks: Int { rows(of: [RecordedStream.ticks]) }
    /// PRICE updates copied, or to copy.
    public var priceUpdates: Int { rows(of: [RecordedStream.prices]) }
    /// ACCOUNT and TRADE updates (the account's audit trail) copied, or to copy.
    public var accountUpdates: Int { rows(of: [RecordedStream.account, RecordedStream.trade]) }
    /// Recorded spans copied, or to copy.
    public var spans: Int { recordings.reduce(0) { $0 + $1.spans } }
    /// Recorded gaps copied, or to copy.
    public var gaps: Int { recordings.reduce(0) { $0 + $1.gaps } }
    /// Whether there was nothing to copy: a copy repeated finds nothing.
    public var isEmpty: Bool {
        ranges == 0 && ledgerEntries == 0 && markets == 0 && recordings.allSatisfy(\.isCovered)
    }

    private func rows(of streams: Set<String>) -> Int {
        recordings.reduce(0) { $0 + (streams.contains($1.stream.stream) ? $1.rows : 0) }
    }
}
