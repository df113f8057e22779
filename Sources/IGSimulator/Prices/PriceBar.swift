import Foundation

/// One OHLC bar of the simulated market; `start` is the bar's opening instant (IG's `snapshotTime`).
public struct PriceBar: Sendable, Hashable {
    /// Start of the bar (UTC).
    public var start: Date
    /// First price of the bar.
    public var open: PricePoint
    /// Highest price of the bar.
    public var high: PricePoint
    /// Lowest price of the bar.
    public var low: PricePoint
    /// Last price of the bar (so far, for the bar in progress).
    public var close: PricePoint
    /// Number of price changes in the bar (IG's `lastTradedVolume` for OTC markets); always positive.
    public var volume: Int

    /// Creates a bar.
    public init(start: Date, open: PricePoint, high: PricePoint, low: PricePoint, close: PricePoint, volume: Int) {
        self.start = start
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}
