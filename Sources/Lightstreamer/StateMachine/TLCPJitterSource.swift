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
