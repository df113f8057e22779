/// Where a page of recorded rows starts: the first row with this time (ms) and a sequence at least this one, then
/// every later time. Rows are kept in (time, sequence) order.
struct RecordedRowPosition: Sendable, Hashable {
    /// Time (ms since 1970, UTC).
    var time: Int64
    /// Sequence within the millisecond.
    var sequence: Int
}
