import Foundation

/// A small deterministic generator (SplitMix64) seeded from a hash.
struct RandomStream {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        self.state = self.state &+ 0x9E37_79B9_7F4A_7C15
        return DeterministicHash.mix(self.state)
    }

    /// A uniform number in the open interval (0, 1).
    mutating func uniform() -> Double {
        (Double(self.next() >> 11) + 0.5) / 9_007_199_254_740_992.0
    }

    /// A standard normal number (Box–Muller).
    mutating func normal() -> Double {
        let u1 = self.uniform()
        let u2 = self.uniform()
        return (-2.0 * Foundation.log(u1)).squareRoot() * Foundation.cos(2.0 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    mutating func index(below bound: Int) -> Int {
        Int(self.next() % UInt64(bound))
    }
}
