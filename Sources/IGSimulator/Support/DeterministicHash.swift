import Foundation

/// Stateless, platform-independent hashing used to derive every random number of the simulator.
///
/// Swift's `Hasher` is seeded per process, so it cannot be used for values that must be the same on every run.
enum DeterministicHash {
    /// The SplitMix64 finaliser: a bijective mix of 64 bits.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines several words into one well-mixed word.
    static func combine(_ words: UInt64...) -> UInt64 {
        var accumulator: UInt64 = 0x243F_6A88_85A3_08D3
        for word in words {
            accumulator = mix(accumulator ^ word) &+ 0x1357_9BDF_2468_ACE0
        }
        return mix(accumulator)
    }

    /// FNV-1a over the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The bit pattern of a signed integer, for hashing.
    @inline(__always)
    static func word(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: value)
    }
}
