/// Counters of a recorder since it started.
public struct RecorderStatistics: Sendable, Hashable, Codable {
    /// Updates received from the stream (ticks and candle updates, duplicates included).
    public var updates = 0
    /// Tick updates received.
    public var tickUpdates = 0
    /// Tick updates skipped as already stored or seen.
    public var tickDuplicates = 0
    /// Updates recognised as already stored or already seen (a snapshot sent again) and skipped.
    public var duplicates = 0
    /// Ticks committed to the store.
    public var ticksWritten = 0
    /// Completed candles committed to the store.
    public var candlesWritten = 0
    /// PRICE updates received.
    public var priceUpdates = 0
    /// PRICE updates committed to the store.
    public var pricesWritten = 0
    /// ACCOUNT and TRADE updates received.
    public var accountUpdates = 0
    /// ACCOUNT and TRADE updates committed to the store (the audit trail).
    public var accountUpdatesWritten = 0
    /// Gap rows committed to the store.
    public var gapsWritten = 0
    /// Faults signalled by the stream (per stream concerned) that opened a gap.
    public var gapsOpened = 0
    /// Batches committed.
    public var batches = 0
    /// Rows received but not committed yet.
    public var pendingRows = 0
    /// Times a batch write failed and was retried.
    public var writeRetries = 0

    /// Zeroed counters.
    public init() {}

    /// Ticks, candles, PRICE and ACCOUNT/TRADE updates committed.
    public var rowsWritten: Int { ticksWritten + candlesWritten + pricesWritten + accountUpdatesWritten }
}
