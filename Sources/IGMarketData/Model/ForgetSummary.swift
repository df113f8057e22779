/// What ``MarketDataStore/forget(_:)`` or ``MarketDataStore/forget(environment:)`` removed from the store.
public struct ForgetSummary: Sendable, Hashable, Codable {
    /// Series removed (each with its coverage and queued work units).
    public var series: Int
    /// Bars removed.
    public var bars: Int64
    /// Recorded rows removed: ticks, PRICE and account updates, recorded spans and gaps.
    public var recordedRows: Int64
    /// Allowance ledger entries removed (only when a whole environment is forgotten).
    public var ledgerEntries: Int64

    /// A summary from its counts.
    public init(series: Int = 0, bars: Int64 = 0, recordedRows: Int64 = 0, ledgerEntries: Int64 = 0) {
        self.series = series
        self.bars = bars
        self.recordedRows = recordedRows
        self.ledgerEntries = ledgerEntries
    }

    /// Whether nothing was removed (nothing of that name was stored).
    public var isEmpty: Bool { series == 0 && bars == 0 && recordedRows == 0 && ledgerEntries == 0 }
}
