public import Foundation
import IGModels

/// Open, high, low and close of one price series in a candle.
public struct IGOHLC: Sendable, Hashable {
    public var open: Decimal?
    public var high: Decimal?
    public var low: Decimal?
    public var close: Decimal?

    /// Creates OHLC values.
    public init(open: Decimal?, high: Decimal?, low: Decimal?, close: Decimal?) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
    }
}
