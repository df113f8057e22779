public import Foundation
public import IGMarketData
public import IGModels

/// The recorder's pure state machine: what to write, when a gap opens and closes, and when to write a batch.
///
/// It sees updates and gap signals (with the time they happened) and hands out `RecordingBatch`es; it does no
/// I/O. Per stream it keeps the time of the latest update and, while a fault is unresolved, the open gap: a gap
/// opens at the latest update stored before the fault and closes at the first new update after it, so one fault
/// gives one gap row per stream concerned. A restarted recorder opens a `restart` gap at the end of what the store
/// holds. Replayed updates (a snapshot sent again after a reconnection, the ticks already stored) are recognised and
/// skipped, so nothing is stored twice.
///
/// The account's streams (`ACCOUNT`, `TRADE`; ``RecorderStreamKey/isAuditTrail``) see an update only when something
/// happens, so no update is an observation too: their span covers the time their subscription was live
/// (``subscribed(_:now:session:)``, extended by ``heartbeat(now:session:)``), and a fault or a restart leaves a gap
/// that closes when the subscription is live again.
public struct RecorderState: Sendable {
    /// Batching limits.
    public struct Limits: Sendable, Hashable {
        /// A batch is written once this many rows wait.
        public var batchRows: Int
        /// A batch is written once its first row waited this long (ms).
        public var maximumDelay: Int64
        /// Rows that may wait in memory; beyond it the recorder stops reading the stream (which then conflates and
        /// signals the loss, recorded as a gap) until the store caught up.
        public var maximumPendingRows: Int
        /// How often (ms) ``RecorderState/heartbeat(now:session:)`` extends the spans of the account's streams.
        public var heartbeatInterval: Int64

        /// Limits (defaults: 5,000 rows, 500 ms, 200,000 rows, a heartbeat a second).
        public init(
            batchRows: Int = 5000, maximumDelay: Int64 = 500, maximumPendingRows: Int = 200_000,
            heartbeatInterval: Int64 = 1000
        ) {
            self.batchRows = Swift.max(1, batchRows)
            self.maximumDelay = Swift.max(0, maximumDelay)
            self.maximumPendingRows = Swift.max(self.batchRows, maximumPendingRows)
            self.heartbeatInterval = Swift.max(0, heartbeatInterval)
        }
    }

    struct Stream: Sendable {
        /// Time of the latest update accepted (ms; for candles, the candle's start).
        var last: Int64?
        /// Ticks accepted at `last` (to number same-millisecond ticks and recognise replays).
        var ticksAtLast: [RecordedTick] = []
        /// Start of the current span (nil until the first update after the start or a gap).
        var spanStart: Int64?
        /// Whether the current span grew since the last batch.
        var spanDirty = false
        /// The open gap: where it starts and why.
        var openGap: (start: Int64, reason: String)?
        /// Start of the latest completed candle accepted.
        var lastCompleted: Int64?
        /// PRICE updates accepted at `last`.
        var pricesAtLast: [RecordedPrice] = []
        /// Sequence of the latest ACCOUNT/TRADE update accepted at `last`.
        var sequenceAtLast = 0
        /// An ACCOUNT item's fields as last sent (to recognise a snapshot sent again).
        var fieldState: [String: String?] = [:]
        /// An ACCOUNT/TRADE stream's subscription is live in this stream session (nil: not subscribed, or lost).
        var liveSession: Int?
    }

    /// The environment the streams are recorded under.
    public let environment: String
    /// Batching limits.
    public let limits: Limits
    var streams: [RecorderStreamKey: Stream] = [:]
    var pendingTicks: [RecordedTick] = []
    var pendingCandles: [FetchedBars] = []
    var pendingSpans: [RecordedSpan] = []
    var pendingGaps: [RecordedGap] = []
    var pendingPrices: [RecordedPrice] = []
    var pendingAccountUpdates: [RecordedAccountUpdate] = []
    var firstPendingAt: Int64?
    var lastHeartbeat: Int64?
    /// Counters.
    public private(set) var statistics = RecorderStatistics()

    /// A state for streams of `environment`.
    public init(environment: String, limits: Limits = Limits()) {
        self.environment = environment
        self.limits = limits
    }

    // MARK: Start

    /// Continues what the store holds: for each stream to record that the store has a span of, a `restart` gap
    /// opens at that span's end, and the ticks of its latest millisecond are known (a replay of them is skipped).
    public mutating func resume(
        _ keys: [RecorderStreamKey], ends: [RecordedStream: Int64], latestTicks: [Epic: [RecordedTick]]
    ) {
        for key in keys {
            var stream = streams[key] ?? Stream()
            let recorded = RecordedStream(environment: environment, epic: key.epic, stream: key.stream)
            guard let end = ends[recorded] else {
                streams[key] = stream
                continue
            }
            stream.last = end
            if key.stream == RecordedStream.ticks, let ticks = latestTicks[key.epic], ticks.first?.time == end {
                stream.ticksAtLast = ticks
            }
            if key.stream != RecordedStream.ticks { stream.lastCompleted = end - 1 }
            stream.openGap = (end, "restart")
            statistics.gapsOpened += 1
            streams[key] = stream
        }
    }

    // MARK: Input

    /// A tick of `epic` received at `now` (ms). Its time is `UTM`, or `now` when the tick has none.
    public mutating func tick(
        epic: Epic, time: Int64?, bid: Decimal?, offer: Decimal?, lastTradedPrice: Decimal?,
        lastTradedVolume: Decimal?, totalVolume: Decimal?, now: Int64
    ) {
        statistics.updates += 1
        statistics.tickUpdates += 1
        let key = RecorderStreamKey(epic: epic, stream: RecordedStream.ticks)
        var stream = streams[key] ?? Stream()
        var tick = RecordedTick(
            epic: epic, time: time ?? now, bid: bid, offer: offer, lastTradedPrice: lastTradedPrice,
            lastTradedVolume: lastTradedVolume, totalVolume: totalVolume)
        guard
            Self.place(
                &tick, at: tick.time, after: stream.last, in: &stream.ticksAtLast, sequence: \.sequence,
                isSame: { $0.hasSameValues(as: $1) })
        else {
            statistics.duplicates += 1
            statistics.tickDuplicates += 1
            return
        }
        accept(key, &stream, at: tick.time)
        streams[key] = stream
        pendingTicks.append(tick)
        markPending(now)
    }

    /// Places `update`, at `time`, among the updates of the stream's latest millisecond (`run`, after `last`): false
    /// for one from an earlier time or repeating an update already there (a duplicate), otherwise true with its
    /// `sequence` set (0 for a new millisecond, its place in the run for one more update of the same millisecond).
    static func place<Update>(
        _ update: inout Update, at time: Int64, after last: Int64?, in run: inout [Update],
        sequence: WritableKeyPath<Update, Int>, isSame: (Update, Update) -> Bool
    ) -> Bool {
        if let last {
            if time < last || (time == last && run.contains { isSame($0, update) }) { return false }
            if time == last, !run.isEmpty {
                update[keyPath: sequence] = run.count
                run.append(update)
                return true
            }
        }
        update[keyPath: sequence] = 0
        run = [update]
        return true
    }

    /// An update of `epic`'s candle item of `scale`, received at `now` (ms): `start` is the candle's start (`UTM`),
    /// and a complete candle (`CONS_END` = 1) is stored as a bar of `resolution` (the one still forming never is).
    public mutating func candle(
        epic: Epic, scale: String, resolution: Resolution, start: Int64?, row: PriceTable.Row, isComplete: Bool,
        now: Int64
    ) {
        statistics.updates += 1
        guard let start else { return }
        let key = RecorderStreamKey(epic: epic, stream: scale)
        var stream = streams[key] ?? Stream()
        if let last = stream.last, start < last {
            statistics.duplicates += 1
            return
        }
        if stream.last != start || stream.openGap != nil { accept(key, &stream, at: start) }
        if isComplete {
            if let completed = stream.lastCompleted, start <= completed {
                statistics.duplicates += 1
            } else {
                stream.lastCompleted = start
                let seconds = RecordingTime.floorSeconds(start)
                let series = SeriesKey(environment: environment, epic: epic, resolution: resolution)
                pendingCandles.append(
                    FetchedBars(
                        key: series, rows: [row],
                        covered: TimeRange(start: seconds, end: BarClock.next(after: seconds, resolution))))
                markPending(now)
            }
        }
        streams[key] = stream
    }

    /// A PRICE update of `epic` received at `now` (ms): the item's state after it, at IG's `TIMESTAMP` (`time`; `now`
    /// when IG sent none). An update at or before the latest one accepted with the same values (a snapshot sent
    /// again) is skipped; distinct updates of one millisecond are numbered.
    public mutating func price(_ update: RecordedPrice, now: Int64) {
        statistics.updates += 1
        statistics.priceUpdates += 1
        let key = RecorderStreamKey(epic: update.epic, stream: RecordedStream.prices)
        var stream = streams[key] ?? Stream()
        var price = update
        guard
            Self.place(
                &price, at: price.time, after: stream.last, in: &stream.pricesAtLast, sequence: \.sequence,
                isSame: { $0.hasSameValues(as: $1) })
        else {
            statistics.duplicates += 1
            return
        }
        accept(key, &stream, at: price.time)
        streams[key] = stream
        pendingPrices.append(price)
        markPending(now)
    }

    /// An ACCOUNT or TRADE update of stream `key` (`ACCOUNT` or `TRADE`, the account id as epic) for the audit trail:
    /// `fields` as IG sent them (`nulls`: sent as null), received at `now` (ms). A snapshot that repeats the item's
    /// current fields (sent again after a reconnection) is skipped; times never go back, and updates of one
    /// millisecond are numbered.
    public mutating func accountUpdate(
        _ key: RecorderStreamKey, item: String, fields: [String: String], nulls: Set<String> = [], isSnapshot: Bool,
        now: Int64
    ) {
        statistics.updates += 1
        statistics.accountUpdates += 1
        var stream = streams[key] ?? Stream()
        var state = stream.fieldState
        for (name, value) in fields { state[name] = .some(value) }
        for name in nulls { state[name] = .some(nil) }
        if isSnapshot, stream.last != nil, state == stream.fieldState {
            statistics.duplicates += 1
            return
        }
        stream.fieldState = state
        let time = Swift.max(now, stream.last ?? now)
        let sequence = stream.last == time ? stream.sequenceAtLast + 1 : 0
        stream.sequenceAtLast = sequence
        accept(key, &stream, at: time)
        streams[key] = stream
        pendingAccountUpdates.append(
            RecordedAccountUpdate(
                item: item, time: time, sequence: sequence,
                update: RecordedAccountUpdate.json(fields: fields, nulls: nulls)))
        markPending(now)
    }

    /// The stream signalled that updates of `keys` may have been lost (`reason`: `session`, `conflated`,
    /// `overflow`, `resubscribed`). Each stream with an update stored and no gap open yet opens one. After `session`
    /// or `resubscribed` an account stream's subscription is no longer live until ``subscribed(_:now:session:)``.
    public mutating func gap(_ keys: [RecorderStreamKey], reason: String) {
        for key in keys {
            guard var stream = streams[key] else { continue }
            if reason == "session" || reason == "resubscribed" { stream.liveSession = nil }
            if let last = stream.last, stream.openGap == nil {
                stream.openGap = (last, reason)
                statistics.gapsOpened += 1
            }
            streams[key] = stream
        }
    }

    /// The server activated the subscription of `keys` at `now` (ms), in the stream session numbered `session` (a
    /// number that changes whenever the session is replaced, such as the count of sessions established). Each account
    /// stream (``RecorderStreamKey/isAuditTrail``) is then observed without an update: its open gap closes at `now`
    /// and its span runs from there. Other streams' spans follow their updates alone.
    public mutating func subscribed(_ keys: [RecorderStreamKey], now: Int64, session: Int) {
        var observed = false
        for key in keys where key.isAuditTrail {
            var stream = streams[key] ?? Stream()
            stream.liveSession = session
            observe(key, &stream, at: now)
            streams[key] = stream
            observed = true
        }
        if observed { markPending(now) }
    }

    /// The stream is connected at `now` (ms), in session `session`: each account stream whose subscription is live
    /// in that session has its span extended to `now` (or, after an `overflow` or `conflated` gap, the gap closed
    /// there), at most once per ``Limits/heartbeatInterval``. A stream of an older session waits for the gap and
    /// the new subscription.
    public mutating func heartbeat(now: Int64, session: Int) {
        if let last = lastHeartbeat, now >= last, now - last < limits.heartbeatInterval { return }
        lastHeartbeat = now
        var observed = false
        for key in streams.keys where streams[key]?.liveSession == session {
            guard var stream = streams[key] else { continue }
            observe(key, &stream, at: now)
            streams[key] = stream
            observed = true
        }
        if observed { markPending(now) }
    }

    /// The account stream `key` was live at `now`: its span reaches it (times never go back).
    private mutating func observe(_ key: RecorderStreamKey, _ stream: inout Stream, at now: Int64) {
        let time = Swift.max(now, stream.last ?? now)
        // An update of that millisecond is the first one: sequence 0.
        if stream.last != time { stream.sequenceAtLast = -1 }
        accept(key, &stream, at: time)
    }

    private mutating func accept(_ key: RecorderStreamKey, _ stream: inout Stream, at time: Int64) {
        if let gap = stream.openGap {
            if stream.spanDirty, let start = stream.spanStart {
                pendingSpans.append(
                    RecordedSpan(stream: recorded(key), start: start, end: Swift.min(gap.start, stream.last ?? start)))
            }
            pendingGaps.append(RecordedGap(stream: recorded(key), start: gap.start, end: time, reason: gap.reason))
            stream.openGap = nil
            stream.spanStart = time
        } else if stream.spanStart == nil {
            stream.spanStart = time
        }
        stream.last = time
        stream.spanDirty = true
    }

    private func recorded(_ key: RecorderStreamKey) -> RecordedStream {
        RecordedStream(environment: environment, epic: key.epic, stream: key.stream)
    }

    private mutating func markPending(_ now: Int64) {
        if firstPendingAt == nil { firstPendingAt = now }
        statistics.pendingRows = pendingRows
    }

    // MARK: Batches

    /// Rows waiting to be written.
    public var pendingRows: Int {
        pendingTicks.count + pendingCandles.count + pendingPrices.count + pendingAccountUpdates.count
    }

    /// Whether the recorder should stop reading the stream until a batch is written.
    public var isFull: Bool { pendingRows >= limits.maximumPendingRows }

    /// Whether a batch is due at `now` (ms): enough rows, or rows, spans or gaps waiting long enough.
    public func batchDue(now: Int64) -> Bool {
        if pendingRows >= limits.batchRows { return true }
        guard let first = firstPendingAt else { return !pendingGaps.isEmpty }
        return now - first >= limits.maximumDelay
    }

    /// Takes what waits (at most ``Limits/batchRows`` ticks) as a batch, with the spans grown since the last one;
    /// nil when nothing waits. Hand it back with ``batchFailed(_:now:)`` if it could not be written.
    public mutating func takeBatch() -> RecordingBatch? {
        var spans = pendingSpans
        pendingSpans.removeAll()
        for (key, stream) in streams where stream.spanDirty {
            guard let start = stream.spanStart, let last = stream.last else { continue }
            spans.append(RecordedSpan(stream: recorded(key), start: start, end: last))
            streams[key]?.spanDirty = false
        }
        let ticks: [RecordedTick]
        if pendingTicks.count > limits.batchRows {
            ticks = Array(pendingTicks.prefix(limits.batchRows))
            pendingTicks.removeFirst(limits.batchRows)
        } else {
            ticks = pendingTicks
            pendingTicks.removeAll(keepingCapacity: true)
        }
        let batch = RecordingBatch(
            environment: environment, ticks: ticks, candles: pendingCandles, spans: spans, gaps: pendingGaps,
            prices: pendingPrices, accountUpdates: pendingAccountUpdates)
        pendingCandles.removeAll()
        pendingGaps.removeAll()
        pendingPrices.removeAll()
        pendingAccountUpdates.removeAll()
        firstPendingAt = pendingTicks.isEmpty ? nil : firstPendingAt
        statistics.pendingRows = pendingRows
        return batch.isEmpty ? nil : batch
    }

    /// A batch was committed.
    public mutating func batchWritten(_ batch: RecordingBatch) {
        statistics.batches += 1
        statistics.ticksWritten += batch.ticks.count
        statistics.candlesWritten += batch.candles.reduce(0) { $0 + $1.rows.count }
        statistics.gapsWritten += batch.gaps.count
        statistics.pricesWritten += batch.prices.count
        statistics.accountUpdatesWritten += batch.accountUpdates.count
    }

    /// A batch write failed (it is retried, or handed back with ``batchFailed(_:now:)``).
    public mutating func noteRetry() {
        statistics.writeRetries += 1
    }

    /// A batch could not be written: its rows wait again (ahead of newer ones).
    public mutating func batchFailed(_ batch: RecordingBatch, now: Int64) {
        pendingTicks.insert(contentsOf: batch.ticks, at: 0)
        pendingCandles.insert(contentsOf: batch.candles, at: 0)
        pendingSpans.insert(contentsOf: batch.spans, at: 0)
        pendingGaps.insert(contentsOf: batch.gaps, at: 0)
        pendingPrices.insert(contentsOf: batch.prices, at: 0)
        pendingAccountUpdates.insert(contentsOf: batch.accountUpdates, at: 0)
        firstPendingAt = firstPendingAt.map { Swift.min($0, now) } ?? now
        statistics.pendingRows = pendingRows
    }
}
