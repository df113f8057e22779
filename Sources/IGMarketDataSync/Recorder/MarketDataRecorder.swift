import Foundation
public import IGMarketData
import IGModels
public import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// Records IG's stream into a `MarketDataStore`: ticks, completed candles (into the bars the price cache reads),
/// optionally PRICE updates and the account's ACCOUNT/TRADE updates (an audit trail), and every interval in which
/// updates may have been lost, as a gap.
///
/// ```swift
/// let recorder = MarketDataRecorder(
///     streaming: IGStreamingClient(client: client), store: store,
///     options: RecorderOptions(epics: ["CS.D.EURUSD.TODAY.IP"], candles: [.oneMinute]))
/// try await recorder.run()   // until cancelled: then it writes what it holds and returns
/// ```
///
/// The decisions (what to write, when a gap opens and closes, when a batch is due) are ``RecorderState``'s; this
/// type reads the subscriptions into it and writes its batches. Reading and writing run side by side: the stream is
/// read while a batch is written, and at most ``RecorderState/Limits/maximumPendingRows`` rows wait in memory
/// (beyond it reading pauses, the stream's latest-value buffers conflate, and the loss is recorded as a gap).
/// Writes are idempotent, so a batch retried after an error never duplicates a row.
public final class MarketDataRecorder: Sendable {
    /// The streaming client read from (the recorder runs it).
    public let streaming: IGStreamingClient
    /// The store written to.
    public let store: MarketDataStore
    /// What is recorded.
    public let options: RecorderOptions
    /// The environment the recording is filed under.
    public let environment: String
    let state: Mutex<RecorderState>
    let failure = Mutex<StoreError?>(nil)

    /// A recorder of `options` from `streaming` into `store`, filed under `environment` (default: the client's).
    public init(
        streaming: IGStreamingClient, store: MarketDataStore, options: RecorderOptions, environment: String? = nil
    ) {
        self.streaming = streaming
        self.store = store
        self.options = options
        let environment = environment ?? streaming.client.configuration.environment.storeName
        self.environment = environment
        self.state = Mutex(RecorderState(environment: environment, limits: options.limits))
    }

    /// Counters so far (updates, rows and gaps written, rows waiting).
    public var statistics: RecorderStatistics { state.withLock { $0.statistics } }

    /// Resumes from the store, subscribes, runs the streaming client and records until cancelled (or until the
    /// streaming client is shut down); then writes every row it holds and returns.
    ///
    /// - Throws: ``RecorderError/store(_:)`` when the store cannot be written (after retries), or the streaming
    ///   client's error when the connection fails for good.
    public func run() async throws {
        let keys = options.streamKeys
        guard !keys.isEmpty || options.account else { throw RecorderError.nothingToRecord }
        let ends: [RecordedStream: Int64]
        do {
            ends = try await store.recordingEnds(environment: environment)
            let latest =
                options.ticks ? try await store.latestTicks(environment: environment, epics: options.epics) : [:]
            state.withLock { $0.resume(keys, ends: ends, latestTicks: latest) }
        } catch {
            throw RecorderError.store(error)
        }
        let streaming = self.streaming
        let ticks = options.ticks ? streaming.chartTicks(options.epics) : nil
        // Ticks: latest value wins (memory bounded by the items; a lag shows as a `conflated` gap). Candles: lossless, as
        // a completed candle is followed at once by the next one forming, which would otherwise replace it.
        let candles = options.candles.map {
            (scale: $0, subscription: streaming.candles(options.epics, scale: $0, buffering: .unbounded))
        }
        // PRICE needs the account id (a login when none is configured), and so do ACCOUNT and TRADE.
        let prices = options.prices && !options.epics.isEmpty ? try await streaming.prices(options.epics) : nil
        let account = options.account ? try await streaming.accountFields(options.accountId) : nil
        if let account {
            // The account's streams are known once the account id is: a restart opens their gaps too.
            let keys = (account.account.items + account.trade.items).compactMap(Self.accountKey)
            state.withLock { $0.resume(keys, ends: ends, latestTicks: [:]) }
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await streaming.run() }
                if let ticks {
                    group.addTask {
                        try await self.read(
                            ticks, keys: { $0.epic.map { [RecorderStreamKey(epic: $0, stream: "TICK")] } })
                    }
                }
                for (scale, subscription) in candles {
                    group.addTask {
                        try await self.read(
                            subscription,
                            keys: { item in
                                item.epic.map { [RecorderStreamKey(epic: $0, stream: scale.rawValue)] }
                            })
                    }
                }
                if let prices {
                    group.addTask {
                        try await self.read(
                            prices,
                            keys: { $0.epic.map { [RecorderStreamKey(epic: $0, stream: RecordedStream.prices)] } })
                    }
                }
                if let account {
                    for subscription in [account.account, account.trade] {
                        group.addTask { try await self.read(subscription, keys: { Self.accountKey($0).map { [$0] } }) }
                    }
                }
                group.addTask { try await self.writeLoop() }
                // The first task to end (cancellation, shutdown, a failed write) ends the others.
                _ = try await group.next()
                group.cancelAll()
                streaming.shutdown()
                while let _ = try? await group.next() {}
            }
        } catch is CancellationError {
        } catch let error as RecorderError {
            throw error
        } catch {
            if let stored = self.failure.withLock({ $0 }) { throw RecorderError.store(stored) }
            try await finalFlush()
            throw error
        }
        if let stored = self.failure.withLock({ $0 }) { throw RecorderError.store(stored) }
        try await finalFlush()
    }

    /// Writes every row still held, outside the (possibly cancelled) caller's task.
    private func finalFlush() async throws {
        let result = await Task { () -> StoreError? in
            do {
                while let batch = self.state.withLock({ $0.takeBatch() }) { try await self.write(batch) }
                return nil
            } catch {
                return error as? StoreError ?? StoreError(.database, "\(error)")
            }
        }.value
        if let result { throw RecorderError.store(result) }
    }

    private func now() -> Int64 { RecordingTime.millis(Date()) }

    /// Reads one subscription into the state until it ends.
    private func read<Update: Sendable>(
        _ subscription: IGStreamingSubscription<Update>,
        keys: @escaping @Sendable (IGStreamingItem) -> [RecorderStreamKey]?
    ) async throws {
        let items = subscription.items
        for try await event in subscription {
            while state.withLock({ $0.isFull }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            let now = now()
            switch event {
            case .subscribed:
                // The account's streams are observed from here on, updates or not.
                let live = items.flatMap { keys($0) ?? [] }
                let session = streaming.statistics.sessionsEstablished
                state.withLock { $0.subscribed(live, now: now, session: session) }
            case .update(let update):
                state.withLock { state in Self.apply(update, to: &state, now: now) }
            case .gap(let gap, let item):
                let affected = item.map { keys($0) ?? [] } ?? items.flatMap { keys($0) ?? [] }
                state.withLock { $0.gap(affected, reason: Self.reason(gap)) }
            }
        }
    }

    static func apply<Update>(_ update: Update, to state: inout RecorderState, now: Int64) {
        if let tick = update as? IGChartTick {
            state.tick(
                epic: tick.epic, time: tick.time.map(RecordingTime.millis), bid: tick.bid, offer: tick.offer,
                lastTradedPrice: tick.lastTradedPrice, lastTradedVolume: tick.lastTradedVolume,
                totalVolume: tick.incrementalVolume, now: now)
        } else if let candle = update as? IGCandle {
            let start = candle.time.map(RecordingTime.millis)
            let row = PriceTable.Row(
                time: candle.time ?? Date(timeIntervalSince1970: 0),
                bid: PriceTable.OHLC(
                    open: candle.bid.open, high: candle.bid.high, low: candle.bid.low, close: candle.bid.close),
                ask: PriceTable.OHLC(
                    open: candle.offer.open, high: candle.offer.high, low: candle.offer.low, close: candle.offer.close),
                lastTraded: PriceTable.OHLC(
                    open: candle.lastTraded.open, high: candle.lastTraded.high, low: candle.lastTraded.low,
                    close: candle.lastTraded.close),
                volume: candle.tickCount.map { Decimal($0) })
            state.candle(
                epic: candle.epic, scale: candle.scale.rawValue, resolution: candle.scale.resolution, start: start,
                row: row, isComplete: candle.isComplete, now: now)
        } else if let price = update as? IGPriceUpdate {
            state.price(
                RecordedPrice(
                    epic: price.epic, time: price.timestamp.map(RecordingTime.millis) ?? now, bid: price.bid,
                    ask: price.ask, bidSize: price.bidSize, askSize: price.askSize, high: price.high, low: price.low,
                    midOpen: price.midOpen, netChange: price.netChange, dealingFlag: price.dealingFlag),
                now: now)
        } else if let fields = update as? IGFieldsUpdate, let key = accountKey(fields.item) {
            state.accountUpdate(
                key, item: fields.item.description, fields: fields.fields, nulls: fields.nullFields,
                isSnapshot: fields.isSnapshot, now: now)
        }
    }

    /// The stream key of an ACCOUNT or TRADE item: the account id as epic.
    static func accountKey(_ item: IGStreamingItem) -> RecorderStreamKey? {
        switch item {
        case .account(let id): RecorderStreamKey(epic: Epic(rawValue: id.rawValue), stream: RecordedStream.account)
        case .trade(let id): RecorderStreamKey(epic: Epic(rawValue: id.rawValue), stream: RecordedStream.trade)
        default: nil
        }
    }

    static func reason(_ gap: TLCPGap) -> String {
        switch gap {
        case .sessionReplaced: "session"
        case .overflow: "overflow"
        case .conflated: "conflated"
        case .resubscribed: "resubscribed"
        }
    }

    /// Writes batches as they fall due until cancelled or a write fails for good; while the stream is connected, its
    /// heartbeat extends the account's spans.
    private func writeLoop() async throws {
        while !Task.isCancelled {
            if options.account, case .connected = streaming.status {
                let session = streaming.statistics.sessionsEstablished
                state.withLock { $0.heartbeat(now: now(), session: session) }
            }
            let due = state.withLock { $0.batchDue(now: now()) }
            if due, let batch = state.withLock({ $0.takeBatch() }) {
                do {
                    try await write(batch)
                } catch let error where error.code == .cancelled {
                    // Stopped mid-write (Ctrl-C, the caller's cancellation): the batch is held again and the final
                    // flush writes it. It was reported as a failed write and its rows left to a restart gap.
                    return
                } catch {
                    failure.withLock { $0 = error }
                    throw RecorderError.store(error)
                }
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Writes one batch, retrying (idempotently) when the store fails; on the last failure the batch waits again
    /// in the state and the error is thrown.
    private func write(_ batch: RecordingBatch) async throws(StoreError) {
        var attempt = 1
        while true {
            do {
                try await store.record(batch)
                state.withLock { $0.batchWritten(batch) }
                return
            } catch let error where error.code == .cancelled {
                state.withLock { $0.batchFailed(batch, now: now()) }
                throw error
            } catch {
                state.withLock { $0.noteRetry() }
                guard attempt < options.writeAttempts, error.code == .connection || error.code == .database else {
                    state.withLock { $0.batchFailed(batch, now: now()) }
                    throw error
                }
                attempt += 1
                try? await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }
}
