import Foundation
import IGModels

/// The first and last bar start of a batch about to be written, and whether its starts strictly increase: what a
/// commit needs to keep `series.bar_count` without counting the series.
///
/// A commit counts the stored bars between ``first`` and ``last`` before it writes. Usually there are none (the batch
/// is a range never fetched) and the starts increase, so every row is a new bar and nothing more is counted. Otherwise
/// (bars replaced, or one start given twice) it counts the same span again afterwards: the difference is what it
/// added. Either way it reads only the batch's own span of the index.
struct BatchSpan: Sendable, Equatable {
    /// The earliest start in the batch, in seconds.
    var first: Int64
    /// The latest start in the batch, in seconds.
    var last: Int64
    /// The number of rows.
    var rows: Int
    /// Whether each row starts after the one before it (so the rows are distinct bars).
    var increasing: Bool

    /// The span of `rows`; nil when there are none.
    init?(_ rows: [PriceTable.Row]) {
        guard let head = rows.first else { return nil }
        var first = TimeRange.seconds(head.time)
        var last = first
        var increasing = true
        var previous = first
        for row in rows.dropFirst() {
            let time = TimeRange.seconds(row.time)
            if time <= previous { increasing = false }
            first = Swift.min(first, time)
            last = Swift.max(last, time)
            previous = time
        }
        self.first = first
        self.last = last
        self.rows = rows.count
        self.increasing = increasing
    }

    /// The bars the write added, given the stored bars in the span `before` it, when that alone tells; nil when the
    /// span must be counted again after the write.
    func added(before: Int64) -> Int64? {
        before == 0 && increasing ? Int64(rows) : nil
    }
}
