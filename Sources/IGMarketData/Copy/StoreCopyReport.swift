/// What ``MarketDataStore/copy(from:environment:epics:resolutions:dryRun:pageSize:progress:)`` copied into a store,
/// or, for a dry run, what it would copy.
public struct StoreCopyReport: Sendable, Hashable, Codable {
    /// One series of the source and what of it the destination lacked.
    public struct Series: Sendable, Hashable, Codable {
        /// The series, as the source files it; the destination files it under the same environment, epic and
        /// resolution.
        public var key: SeriesKey
        /// The ranges the source covers and the destination did not, oldest first: what was copied, each with its
        /// bars (ranges IG answered as empty included, which are copied as covered with no bars).
        public var ranges: [TimeRange]
        /// Bars copied (for a dry run: bars that would be).
        public var bars: Int
        /// Bars the source holds of the series.
        public var sourceBars: Int

        /// A series' part of a copy from its parts.
        public init(key: SeriesKey, ranges: [TimeRange], bars: Int, sourceBars: Int) {
            self.key = key
            self.ranges = ranges
            self.bars = bars
            self.sourceBars = sourceBars
        }

        /// Whether the destination already covered everything the source covers of the series.
        public var isCovered: Bool { ranges.isEmpty }
    }

    /// Every series of the source the filters chose, in the source's order (environment, epic, resolution), those
    /// the destination already covered included.
    public var series: [Series]
    /// Allowance ledger entries copied: those of the source the destination did not hold yet.
    public var ledgerEntries: Int
    /// Market details copied: epics whose details the destination lacked or held from an earlier time.
    public var markets: Int
    /// Whether this is a dry run's plan (nothing was written).
    public var dryRun: Bool

    /// A report from its parts.
    public init(series: [Series], ledgerEntries: Int, markets: Int, dryRun: Bool) {
        self.series = series
        self.ledgerEntries = ledgerEntries
        self.markets = markets
        self.dryRun = dryRun
    }

    /// Bars copied in all, or to copy.
    public var bars: Int { series.reduce(0) { $0 + $1.bars } }
    /// Ranges copied in all, or to copy.
    public var ranges: Int { series.reduce(0) { $0 + $1.ranges.count } }
    /// Whether there was nothing to copy: a copy repeated finds nothing.
    public var isEmpty: Bool { ranges == 0 && ledgerEntries == 0 && markets == 0 }
}
