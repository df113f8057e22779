import Foundation

/// One recorded bar to replay: its start, its bid OHLC and spread in price units, and its volume.
public struct ReplayBar: Sendable, Hashable {
    /// Start of the bar (UTC), IG's `snapshotTime`.
    public var start: Date
    /// Bid at the open.
    public var open: Double
    /// Highest bid.
    public var high: Double
    /// Lowest bid.
    public var low: Double
    /// Bid at the close.
    public var close: Double
    /// The offer minus the bid at the close (the recorded spread), in price units.
    public var spread: Double
    /// Number of price changes (IG's `lastTradedVolume`), at least 1.
    public var volume: Int

    /// A bar from its bid OHLC, its spread and its volume.
    public init(start: Date, open: Double, high: Double, low: Double, close: Double, spread: Double, volume: Int) {
        self.start = start
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.spread = spread
        self.volume = volume
    }
}
