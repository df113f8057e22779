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

/// A tiny, deterministic pseudo-random generator (SplitMix64), used for retry jitter so that the state machine stays a
/// pure value type and tests can predict every delay from the seed.
struct TLCPJitterSource: Sendable, Hashable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// Returns a value uniformly distributed in `0..<1`.
    mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }
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
