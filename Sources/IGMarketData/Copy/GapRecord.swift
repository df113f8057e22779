/// A recorded gap as a copy between stores reads and writes it: with the time it was recorded (whole seconds since
/// 1970, UTC), which the copy keeps.
struct GapRecord: Sendable, Hashable {
    /// The gap.
    var gap: RecordedGap
    /// When the recorder wrote it (seconds).
    var recordedAt: Int64
}
