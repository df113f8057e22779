import Foundation
import IGModels

// The recordings' part of a copy between stores (`copy(from:…)`): ticks, PRICE and account updates, spans and gaps.
extension MarketDataStore {
    /// What this store lacks of one stream `source` recorded, to be filed as `destination` here.
    ///
    /// - Spans: each span of the source that this store's spans of the stream do not cover entirely, with the parts
    ///   they do not cover, whose rows are copied (a span here says every update of its stretch is here).
    /// - Gaps: each gap of the source that this store does not hold (the same start and an end as late) and that the
    ///   spans of both stores do not cover entirely. A gap that a span covers is no gap: the stretch was recorded
    ///   without loss by the other recorder, as ``recordingCoverage(_:in:)`` reads it.
    func planCopy(
        of source: RecordedStream, from store: MarketDataStore, as destination: RecordedStream
    ) async throws(StoreError) -> RecordedStreamCopy {
        let rows = RecordedRows(source)
        let theirs = try await store.spans(source)
        let ours = try await spans(destination)
        // A span runs from its first update to its last, both included: its rows are those of [start, end + 1).
        // The source's spans may overlap one another (a recorder restarted on a snapshot it had): the rows of an
        // earlier one are copied before a later one is written, so a later one leaves them out.
        var held = Coverage(ours.map(Self.rowRange))
        var spans: [RecordedStreamCopy.Span] = []
        var planned = 0
        for span in theirs {
            let pieces = held.missing(in: Self.rowRange(span))
            guard !pieces.isEmpty else { continue }
            held.insert(Self.rowRange(span))
            spans.append(RecordedStreamCopy.Span(span: span, pieces: pieces))
            guard let rows else { continue }
            for piece in pieces {
                planned += try await store.run {
                    try await store.backend.recordedRowCount(
                        rows, environment: source.environment, from: piece.start, to: piece.end)
                }
            }
        }
        // Spans as `recordingCoverage` subtracts them from gaps.
        let recorded = Coverage((theirs + ours).map { TimeRange(start: $0.start, end: $0.end) })
        var ourGaps: [Int64: Int64] = [:]
        for record in try await gapRecords(destination) {
            ourGaps[record.gap.start] = max(ourGaps[record.gap.start] ?? record.gap.end, record.gap.end)
        }
        var gaps: [GapRecord] = []
        for var record in try await store.gapRecords(source) {
            if let end = ourGaps[record.gap.start], end >= record.gap.end { continue }
            let range = TimeRange(start: record.gap.start, end: record.gap.end)
            if !range.isEmpty, recorded.covers(range) { continue }
            record.gap.stream = destination
            gaps.append(record)
        }
        return RecordedStreamCopy(
            source: source, destination: destination, rows: rows, spans: spans, gaps: gaps, plannedRows: planned)
    }

    /// Copies what `plan` says from `source`: the rows of each span's pieces a page at a time, each page committed
    /// with the span as far as its rows are now here (so no span here claims a row that is not), then the gaps.
    /// Returns the rows added (rows this store held already are not added again).
    func copy(
        _ plan: RecordedStreamCopy, from source: MarketDataStore, pageSize: Int, read: (Int) -> Void
    ) async throws(StoreError) -> Int {
        var added = 0
        for item in plan.spans {
            for (index, piece) in item.pieces.enumerated() {
                var position = RecordedRowPosition(time: piece.start, sequence: 0)
                while true {
                    var page = RecordingBatch(environment: plan.destination.environment)
                    if let rows = plan.rows {
                        page = try await source.recordedPage(
                            rows, environment: plan.source.environment, from: position, to: piece.end,
                            limit: pageSize)
                    }
                    let last = page.lastRowPosition
                    let full = page.rowCount >= pageSize
                    // A full page may be followed by more rows of its last millisecond: the span reaches the one
                    // before. Otherwise it reaches the end of the piece, and after its last piece its own end (what
                    // lies between the pieces is covered here already).
                    let reach: Int64
                    if full, let last {
                        reach = last.time - 1
                    } else {
                        reach = index == item.pieces.count - 1 ? item.span.end : piece.end - 1
                    }
                    page.refile(as: plan.destination)
                    if reach >= item.span.start {
                        page.spans = [RecordedSpan(stream: plan.destination, start: item.span.start, end: reach)]
                    }
                    let written = page
                    added += try await run { try await backend.record(written, now: Date(), copied: []) }
                    read(page.rowCount)
                    guard full, let last else { break }
                    position = RecordedRowPosition(time: last.time, sequence: last.sequence + 1)
                }
            }
        }
        if !plan.gaps.isEmpty {
            let batch = RecordingBatch(environment: plan.destination.environment, gaps: plan.gaps.map(\.gap))
            let times = plan.gaps.map(\.recordedAt)
            _ = try await run { try await backend.record(batch, now: Date(), copied: times) }
        }
        return added
    }

    /// A page of a stream's rows, their times checked (``StoredValue``).
    private func recordedPage(
        _ rows: RecordedRows, environment: String, from start: RecordedRowPosition, to end: Int64, limit: Int
    ) async throws(StoreError) -> RecordingBatch {
        try await run(
            {
                try await backend.recordedRows(rows, environment: environment, from: start, to: end, limit: limit)
            },
            checking: { page in
                try StoredValue.check(rows: page.ticks.lazy.map { ($0.time, $0.sequence) }, in: "ticks")
                try StoredValue.check(rows: page.prices.lazy.map { ($0.time, $0.sequence) }, in: "price_updates")
                try StoredValue.check(
                    rows: page.accountUpdates.lazy.map { ($0.time, $0.sequence) }, in: "account_updates")
            })
    }

    /// The gaps of a stream with the time each was recorded, their times checked (``StoredValue``).
    private func gapRecords(_ stream: RecordedStream) async throws(StoreError) -> [GapRecord] {
        try await run(
            { try await backend.gapRecords(stream) },
            checking: {
                try StoredValue.check(spans: $0.lazy.map { ($0.gap.start, $0.gap.end) }, in: "recorded_gaps")
            })
    }

    /// The rows a span vouches for: `[start, end + 1)` in milliseconds.
    private static func rowRange(_ span: RecordedSpan) -> TimeRange {
        TimeRange(start: span.start, end: span.end < Int64.max ? span.end + 1 : span.end)
    }
}
