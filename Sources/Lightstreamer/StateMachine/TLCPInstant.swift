/// A point in time on the caller's monotonic clock, as the pure state machine sees it.
///
/// The state machine never reads a clock: every event carries the current instant. A driver typically converts
/// `ContinuousClock.now - start` into a `TLCPInstant`; tests just count from ``zero``.
public struct TLCPInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The time elapsed since the clock's (arbitrary) origin.
    public var offset: Duration

    /// Creates the instant `offset` after the clock's origin.
    public init(_ offset: Duration) {
        self.offset = offset
    }

    /// The clock's origin.
    public static let zero = TLCPInstant(.zero)

    /// Orders instants by time.
    public static func < (lhs: TLCPInstant, rhs: TLCPInstant) -> Bool { lhs.offset < rhs.offset }

    /// The instant `rhs` after `lhs`.
    public static func + (lhs: TLCPInstant, rhs: Duration) -> TLCPInstant { TLCPInstant(lhs.offset + rhs) }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: TLCPInstant, rhs: TLCPInstant) -> Duration { lhs.offset - rhs.offset }

    /// A readable description (never contains a secret).
    public var description: String { "t+\(offset)" }
}

extension Duration {
    /// This duration in whole milliseconds (truncated).
    var tlcpMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// This duration scaled by `factor`, at millisecond precision.
    func tlcpScaled(by factor: Double) -> Duration {
        .milliseconds(Int64((Double(tlcpMilliseconds) * factor).rounded()))
    }
}
