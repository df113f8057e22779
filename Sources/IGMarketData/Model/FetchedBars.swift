public import IGModels

/// What one price request brought: bars, the range they complete, and the ledger entry of the request.
///
/// The store commits the three together or not at all, so a range is never marked covered without its bars.
public struct FetchedBars: Sendable, Hashable {
    /// The series the bars belong to.
    public var key: SeriesKey
    /// Bars whose start lies in `covered`, oldest first; never the bar still forming.
    public var rows: [PriceTable.Row]
    /// The range these bars complete (bars absent from it are known not to exist).
    public var covered: TimeRange
    /// IG's instrument type, kept with the series.
    public var instrumentType: InstrumentType?
    /// The request that spent points for these bars (nil for bars that cost nothing, e.g. an import).
    public var ledger: LedgerEntry?

    /// Bars to commit, with the range they complete and the request that paid for them.
    public init(
        key: SeriesKey, rows: [PriceTable.Row], covered: TimeRange, instrumentType: InstrumentType? = nil,
        ledger: LedgerEntry? = nil
    ) {
        self.key = key
        self.rows = rows
        self.covered = covered
        self.instrumentType = instrumentType
        self.ledger = ledger
    }
}
