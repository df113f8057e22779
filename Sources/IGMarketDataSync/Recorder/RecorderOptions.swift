public import IGModels
public import IGStreaming

/// What a ``MarketDataRecorder`` records.
public struct RecorderOptions: Sendable, Hashable {
    /// The markets.
    public var epics: [Epic]
    /// Whether to record `CHART:{epic}:TICK` ticks.
    public var ticks: Bool
    /// Candle scales to record (completed candles only) into the store's bars.
    public var candles: [IGCandleScale]
    /// Batching limits.
    public var limits: RecorderState.Limits
    /// Attempts at writing a batch before the recorder gives up with the store's error.
    public var writeAttempts: Int

    /// Records ticks and candles of `epics` (default: ticks only).
    public init(
        epics: [Epic], ticks: Bool = true, candles: [IGCandleScale] = [], limits: RecorderState.Limits = .init(),
        writeAttempts: Int = 5
    ) {
        self.epics = epics
        self.ticks = ticks
        self.candles = candles
        self.limits = limits
        self.writeAttempts = Swift.max(1, writeAttempts)
    }

    /// The streams recorded, per epic: ticks first, then candle scales.
    public var streamKeys: [RecorderStreamKey] {
        epics.flatMap { epic in
            (ticks ? [RecorderStreamKey(epic: epic, stream: "TICK")] : [])
                + candles.map { RecorderStreamKey(epic: epic, stream: $0.rawValue) }
        }
    }
}

extension IGCandleScale {
    /// The bar resolution of this candle length.
    public var resolution: Resolution {
        switch self {
        case .second: .second
        case .oneMinute: .minute
        case .fiveMinutes: .minute5
        case .hour: .hour
        }
    }
}
