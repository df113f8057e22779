public import Foundation
public import IGModels

// What the stream recorder writes, and the reads of recordings: ticks, completed candles (as bars), the spans
// recorded without loss and the gaps in which updates may have been lost.
extension MarketDataStore {
    /// Writes a recorder's batch: completed candles through ``commit(_:completing:now:)`` (bars and coverage, the
    /// same series the price cache reads, so a recorded minute is never fetched again), then ticks, PRICE and
    /// ACCOUNT/TRADE updates, spans and gaps in one transaction. Idempotent: a batch written twice (a retry, a second recorder) adds no row.
    public func record(_ batch: RecordingBatch, now: Date = Date()) async throws(StoreError) {
        for candles in batch.candles {
            try await commit(candles, now: now)
        }
        guard
            !(batch.ticks.isEmpty && batch.spans.isEmpty && batch.gaps.isEmpty && batch.prices.isEmpty
                && batch.accountUpdates.isEmpty)
        else { return }
        _ = try await run { try await backend.record(batch, now: now, copied: nil) }
    }

    /// Recorded ticks of a market with a time in `[from, to)`, oldest first.
    public func ticks(
        _ epic: Epic, environment: String, from: Date, to: Date
    ) async throws(StoreError) -> [RecordedTick] {
        let start = Self.millis(from)
        let end = Self.millis(to)
        return try await run(
            { try await backend.ticks(environment: environment, epic: epic.rawValue, from: start, to: end) },
            checking: { try StoredValue.check(rows: $0.lazy.map { ($0.time, $0.sequence) }, in: "ticks") })
    }

    /// Recorded PRICE updates of a market with a time in `[from, to)`, oldest first.
    public func prices(
        _ epic: Epic, environment: String, from: Date, to: Date
    ) async throws(StoreError) -> [RecordedPrice] {
        let start = Self.millis(from)
        let end = Self.millis(to)
        return try await run(
            { try await backend.prices(environment: environment, epic: epic.rawValue, from: start, to: end) },
            checking: { try StoredValue.check(rows: $0.lazy.map { ($0.time, $0.sequence) }, in: "price_updates") })
    }

    /// The recorded ACCOUNT/TRADE audit trail of an environment: updates received in `[from, to)`, oldest first.
    public func accountUpdates(
        environment: String, from: Date = .distantPast, to: Date = .distantFuture
    ) async throws(StoreError) -> [RecordedAccountUpdate] {
        let start = Self.millis(from)
        let end = Self.millis(to)
        return try await run(
            { try await backend.accountUpdates(environment: environment, from: start, to: end) },
            checking: { try StoredValue.check(rows: $0.lazy.map { ($0.time, $0.sequence) }, in: "account_updates") })
    }

    /// Recorded gaps of an environment (of one epic and one stream when given) that overlap `[from, to)`, oldest
    /// first.
    public func gaps(
        environment: String, epic: Epic? = nil, stream: String? = nil, from: Date = .distantPast,
        to: Date = .distantFuture
    ) async throws(StoreError) -> [RecordedGap] {
        let start = Self.millis(from)
        let end = Self.millis(to)
        return try await checkedGaps(
            environment: environment, epic: epic?.rawValue, stream: stream, from: start, to: end)
    }

    /// Spans of a stream recorded without loss that overlap `[from, to)`, oldest first (one per recorder run and
    /// per stretch between gaps).
    public func spans(
        _ stream: RecordedStream, from: Date = .distantPast, to: Date = .distantFuture
    ) async throws(StoreError) -> [RecordedSpan] {
        let start = Self.millis(from)
        let end = Self.millis(to)
        return try await checkedSpans(stream, from: start, to: end)
    }

    /// Which seconds of a stream in `range` were recorded without loss and which are gaps (a gap covered by another
    /// recorder's span is not a gap). ``RecordingCoverage/coveredMinutes(in:)`` and
    /// ``RecordingCoverage/gapMinutes(in:)`` give the answer per minute.
    public func recordingCoverage(
        _ stream: RecordedStream, in range: TimeRange
    ) async throws(StoreError) -> RecordingCoverage {
        let (from, to) = Self.millisRange(range)
        let spans = try await checkedSpans(stream, from: from, to: to)
        let gaps = try await checkedGaps(
            environment: stream.environment, epic: stream.epic.rawValue, stream: stream.stream, from: from, to: to)
        return RecordingCoverage(spans: spans, gaps: gaps, within: range)
    }

    /// Per stream of an environment, the time (ms) of the latest update recorded: where a restarted recorder
    /// resumes (the interval up to its first new update is recorded as a gap).
    public func recordingEnds(environment: String) async throws(StoreError) -> [RecordedStream: Int64] {
        try await run(
            { try await backend.recordingEnds(environment: environment) },
            checking: { try StoredValue.check(millis: $0.values, in: "recorded_spans", column: "end_ms") })
    }

    /// Every recorded stream (of `environment` when given): its first and latest recorded update, its spans and its
    /// gaps, ordered by environment, epic and stream.
    public func recordings(environment: String? = nil) async throws(StoreError) -> [RecordingStatus] {
        try await run(
            { try await backend.recordings(environment: environment) },
            checking: { try StoredValue.check(spans: $0.lazy.map { ($0.first, $0.last) }, in: "recorded_spans") })
    }

    /// Per epic, the stored ticks of its latest millisecond (so a restarted recorder recognises them when the
    /// stream's snapshot sends them again).
    public func latestTicks(environment: String, epics: [Epic]) async throws(StoreError) -> [Epic: [RecordedTick]] {
        let names = epics.map(\.rawValue)
        let found = try await run(
            { try await backend.latestTicks(environment: environment, epics: names) },
            checking: {
                try StoredValue.check(rows: $0.values.joined().lazy.map { ($0.time, $0.sequence) }, in: "ticks")
            })
        var result: [Epic: [RecordedTick]] = [:]
        for (epic, ticks) in found { result[Epic(rawValue: epic)] = ticks }
        return result
    }

    /// The backend's spans, their times checked (``StoredValue``).
    private func checkedSpans(
        _ stream: RecordedStream, from: Int64, to: Int64
    ) async throws(StoreError) -> [RecordedSpan] {
        try await run(
            { try await backend.spans(stream, from: from, to: to) },
            checking: { try StoredValue.check(spans: $0.lazy.map { ($0.start, $0.end) }, in: "recorded_spans") })
    }

    /// The backend's gaps, their times checked (``StoredValue``).
    private func checkedGaps(
        environment: String, epic: String?, stream: String?, from: Int64, to: Int64
    ) async throws(StoreError) -> [RecordedGap] {
        try await run(
            { try await backend.gaps(environment: environment, epic: epic, stream: stream, from: from, to: to) },
            checking: { try StoredValue.check(spans: $0.lazy.map { ($0.start, $0.end) }, in: "recorded_gaps") })
    }

    static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite else { return value < 0 ? Int64.min / 2 : Int64.max / 2 }
        return Int64(Swift.max(Swift.min(value, Double(Int64.max / 2)), Double(Int64.min / 2)))
    }

    static func millisRange(_ range: TimeRange) -> (Int64, Int64) {
        let limit = Int64.max / 2000
        return (
            Swift.max(Swift.min(range.start, limit), -limit) * 1000,
            Swift.max(Swift.min(range.end, limit), -limit) * 1000
        )
    }
}
