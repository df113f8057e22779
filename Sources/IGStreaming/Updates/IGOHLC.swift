public import Foundation
import IGModels

/// Open, high, low and close of one price series in a candle.
public struct IGOHLC: Sendable, Hashable {
    /// Opening price.
    public var open: Decimal?
    /// Highest price.
    public var high: Decimal?
    /// Lowest price.
    public var low: Decimal?
    /// Closing (latest) price.
    public var close: Decimal?

    /// Creates OHLC values.
    public init(open: Decimal?, high: Decimal?, low: Decimal?, close: Decimal?) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
    }
}
