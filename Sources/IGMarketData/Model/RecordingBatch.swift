/// What the recorder writes in one transaction: ticks, completed candles (as bars with their coverage), PRICE
/// updates, ACCOUNT/TRADE updates, spans and gaps. Every part is idempotent: writing a batch twice leaves the store as writing it once.
public struct RecordingBatch: Sendable, Hashable {
    /// Ticks, per environment in ``RecordedTick``'s epic.
    public var ticks: [RecordedTick]
    /// The environment of the ticks.
    public var environment: String
    /// Completed candles, one ``FetchedBars`` per candle (the bar and the candle's interval as coverage).
    public var candles: [FetchedBars]
    /// Spans recorded without loss, extended by this batch.
    public var spans: [RecordedSpan]
    /// Gaps closed by this batch.
    public var gaps: [RecordedGap]
    /// PRICE updates.
    public var prices: [RecordedPrice]
    /// ACCOUNT and TRADE updates (the audit trail).
    public var accountUpdates: [RecordedAccountUpdate]

    /// A batch.
    public init(
        environment: String, ticks: [RecordedTick] = [], candles: [FetchedBars] = [], spans: [RecordedSpan] = [],
        gaps: [RecordedGap] = [], prices: [RecordedPrice] = [], accountUpdates: [RecordedAccountUpdate] = []
    ) {
        self.environment = environment
        self.ticks = ticks
        self.candles = candles
        self.spans = spans
        self.gaps = gaps
        self.prices = prices
        self.accountUpdates = accountUpdates
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        ticks.isEmpty && candles.isEmpty && spans.isEmpty && gaps.isEmpty && prices.isEmpty && accountUpdates.isEmpty
    }

    /// Rows of data (ticks, candles, prices, account updates), spans and gaps aside.
    public var rowCount: Int {
        ticks.count + candles.reduce(0) { $0 + $1.rows.count } + prices.count + accountUpdates.count
    }
}
