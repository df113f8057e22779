import Foundation
import IGModels

/// What the store could have written, checked on the way out: a database changed by another tool (or damaged) may
/// hold any integer anywhere, and a time of `Int64.min` or a scale of 200 must give a typed error, not a trap in the
/// arithmetic that follows or a number other than IG sent.
///
/// Times are UTC between the years 1 and 9999 (what ISO 8601 prints with four digits); scales are 0 to 18 decimal
/// places; allowance points and counts are 0 to 10^9.
enum StoredValue {
    /// Seconds since 1970 of 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    static let seconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
    /// The same span in milliseconds.
    static let milliseconds: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999
    /// Points and other counts.
    static let counts: ClosedRange<Int64> = 0...1_000_000_000
    /// A series' stored bars: at most one a second over the years 1-9999 (about 3.2 × 10^11).
    static let barCounts: ClosedRange<Int64> = 0...(seconds.upperBound - seconds.lowerBound + 1)

    /// `scale` as an `Int` when the store could have written it.
    @inline(__always)
    static func scale(_ scale: Int64, in table: String) throws(UnreadableValue) -> Int {
        guard scale >= 0, scale <= Int64(DecimalBits.maximumScale) else {
            throw UnreadableValue(table: table, detail: "a row has the decimal scale \(scale), outside 0–18")
        }
        return Int(scale)
    }

    static func check(
        _ value: Int64, _ domain: ClosedRange<Int64>, _ column: String, in table: String
    ) throws(UnreadableValue) {
        guard domain.contains(value) else {
            throw UnreadableValue(
                table: table, detail: "\(column) is \(value), outside \(domain.lowerBound)…\(domain.upperBound)")
        }
    }

    static func check(_ value: Int?, _ column: String, in table: String) throws(UnreadableValue) {
        if let value { try check(Int64(value), counts, column, in: table) }
    }

    static func check(_ date: Date?, _ column: String, in table: String) throws(UnreadableValue) {
        guard let date else { return }
        let value = date.timeIntervalSince1970
        guard value >= Double(seconds.lowerBound), value <= Double(seconds.upperBound) else {
            throw UnreadableValue(table: table, detail: "\(column) is \(value) s, outside the years 1 to 9999")
        }
    }

    static func check(
        _ range: TimeRange, in table: String, domain: ClosedRange<Int64> = seconds
    )
        throws(UnreadableValue)
    {
        try check(range.start, domain, "a range's start", in: table)
        try check(range.end, domain, "a range's end", in: table)
    }

    /// Why `batch` cannot be written (a time outside the years 1 to 9999), or nil when it can. Checked before a
    /// commit touches the database: a time the store cannot read back must never be written.
    static func unwritable(_ batch: FetchedBars, now: Date) -> String? {
        func outside(_ time: Int64) -> Bool { !seconds.contains(time) }
        if !batch.covered.isEmpty, outside(batch.covered.start) || outside(batch.covered.end) {
            return "the range \(batch.covered.start)…\(batch.covered.end) s"
        }
        // One load and two comparisons a bar (a not-a-number time fails both): this runs on the ingest path.
        let low = Double(seconds.lowerBound)
        let high = Double(seconds.upperBound) + 1
        if let row = batch.rows.first(where: { bar in
            let time = bar.time.timeIntervalSince1970
            return !(time >= low && time < high)
        }) {
            return "a bar at \(row.time.timeIntervalSince1970) s"
        }
        if let ledger = batch.ledger {
            if outside(ledger.range.start) || outside(ledger.range.end) {
                return "the ledger range \(ledger.range.start)…\(ledger.range.end) s"
            }
            if outside(TimeRange.seconds(ledger.at)) { return "the ledger time \(ledger.at.timeIntervalSince1970) s" }
            if let resets = ledger.resetsAt, outside(TimeRange.seconds(resets)) {
                return "the reset time \(resets.timeIntervalSince1970) s"
            }
        }
        if outside(TimeRange.seconds(now)) { return "the commit time \(now.timeIntervalSince1970) s" }
        return nil
    }

    static func check(_ coverage: Coverage, in table: String = "coverage") throws(UnreadableValue) {
        for range in coverage.ranges { try check(range, in: table) }
    }

    static func check(_ entries: [LedgerEntry]) throws(UnreadableValue) {
        for entry in entries {
            try check(entry.at, "at", in: "requests")
            try check(entry.range, in: "requests")
            try check(entry.points, "points", in: "requests")
            try check(entry.remaining, "remaining", in: "requests")
            try check(entry.total, "total", in: "requests")
            try check(entry.resetsAt, "resets_at", in: "requests")
        }
    }

    static func check(_ statuses: [SeriesStatus]) throws(UnreadableValue) {
        for status in statuses {
            try check(status.coverage)
            try check(status.updatedAt, "updated_at", in: "series")
        }
    }

    /// The resolution a series row names.
    static func resolution(_ name: String) throws(UnreadableValue) -> Resolution {
        guard let resolution = Resolution(rawValue: name) else {
            throw UnreadableValue(
                table: "series", detail: "resolution \(String(reflecting: String(name.prefix(32)))) is not one of IG's")
        }
        return resolution
    }

    /// The state a `work_units` row names, when it is not `done`.
    static func queuedState(_ name: String) throws(UnreadableValue) -> QueuedUnit.State {
        guard let state = QueuedUnit.State(rawValue: name) else {
            throw UnreadableValue(
                table: "work_units",
                detail: "state \(String(reflecting: String(name.prefix(32)))) is not one of the store's")
        }
        return state
    }

    static func check(_ claim: WorkClaim?) throws(UnreadableValue) {
        guard let claim else { return }
        try check(claim.unit)
    }

    static func check(_ unit: WorkUnit) throws(UnreadableValue) {
        try check(unit.range, in: "work_units")
        try check(unit.points, "points", in: "work_units")
    }

    static func check(
        millis: some Sequence<Int64>, in table: String, column: String = "time_ms"
    ) throws(UnreadableValue) {
        for time in millis { try check(time, milliseconds, column, in: table) }
    }

    /// Recorded rows: each time in the years 1 to 9999 and each sequence (the n-th row of its millisecond) from 0 to
    /// ``counts``' bound, so a copy that pages on (time, sequence) always moves on.
    static func check(
        rows: some Sequence<(time: Int64, sequence: Int)>, in table: String
    ) throws(UnreadableValue) {
        for row in rows {
            try check(row.time, milliseconds, "time_ms", in: table)
            try check(Int64(row.sequence), counts, "seq", in: table)
        }
    }

    static func check(spans: some Sequence<(start: Int64, end: Int64)>, in table: String) throws(UnreadableValue) {
        for span in spans { try check(TimeRange(start: span.start, end: span.end), in: table, domain: milliseconds) }
    }
}
