import IGMarketData
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
    /// Whether to record `PRICE` updates (the fields `ig` subscribes to) into `price_updates`.
    public var prices: Bool
    /// Whether to record the account's `ACCOUNT` and `TRADE` updates, as IG sent them, into `account_updates`.
    public var account: Bool
    /// The account whose updates are recorded (default: the active one).
    public var accountId: AccountId?
    /// Batching limits.
    public var limits: RecorderState.Limits
    /// Attempts at writing a batch before the recorder gives up with the store's error.
    public var writeAttempts: Int

    /// Records ticks, candles and PRICE updates of `epics` (default: ticks only), and the account's updates.
    public init(
        epics: [Epic], ticks: Bool = true, candles: [IGCandleScale] = [], prices: Bool = false, account: Bool = false,
        accountId: AccountId? = nil, limits: RecorderState.Limits = .init(), writeAttempts: Int = 5
    ) {
        self.epics = epics
        self.ticks = ticks
        self.candles = candles
        self.prices = prices
        self.account = account
        self.accountId = accountId
        self.limits = limits
        self.writeAttempts = Swift.max(1, writeAttempts)
    }

    /// The market streams recorded, per epic: ticks first, then candle scales, then PRICE (the account's streams
    /// aside: their key needs the account id).
    public var streamKeys: [RecorderStreamKey] {
        epics.flatMap { epic in
            (ticks ? [RecorderStreamKey(epic: epic, stream: RecordedStream.ticks)] : [])
                + candles.map { RecorderStreamKey(epic: epic, stream: $0.rawValue) }
                + (prices ? [RecorderStreamKey(epic: epic, stream: RecordedStream.prices)] : [])
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
