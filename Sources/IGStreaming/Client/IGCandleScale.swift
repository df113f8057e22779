import IGModels

/// The candle lengths of `CHART:{epic}:{scale}` items.
public enum IGCandleScale: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// One-second candles.
    case second = "SECOND"
    /// One-minute candles.
    case oneMinute = "1MINUTE"
    /// Five-minute candles.
    case fiveMinutes = "5MINUTE"
    /// Hourly candles.
    case hour = "HOUR"

    /// A readable description (never contains a secret).
    public var description: String { rawValue }
}
