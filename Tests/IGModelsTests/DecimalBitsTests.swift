import Foundation
import IGModels
import Testing

@Suite("DecimalBits: exact halves and text without Decimal's arithmetic")
struct DecimalBitsTests {
    /// Values as IG and the store produce them: up to 12 significant digits at exponents from -12 to 3, of both
    /// signs, and zero; plus values that are not in compact form (trailing zeros in the mantissa).
    static func samples(count: Int, seed: UInt64) -> [Decimal] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            if index % 97 == 0 { return Decimal() }
            let digits = Int.random(in: 1...12, using: &generator)
            let mantissa = UInt64.random(in: 0..<UInt64(pow(10, Double(digits))), using: &generator)
            let exponent = Int.random(in: -12...3, using: &generator)
            let sign: FloatingPointSign = Bool.random(using: &generator) ? .minus : .plus
            return Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa))
        }
    }

    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    @Test("the middle of two prices is Foundation's (a + b) / 2: equal, same text, same bits")
    func middle() throws {
        let values = Self.samples(count: 20_000, seed: 7)
        var computed = 0
        for (a, b) in zip(values, values.dropFirst() + values.prefix(1)) {
            let expected = (a + b) / 2
            guard let fast = DecimalBits.middle(a, b) else { continue }
            computed += 1
            #expect(fast == expected, "\(a), \(b)")
            #expect(fast.description == expected.description, "\(a), \(b)")
            #expect(Self.bytes(fast) == Self.bytes(expected), "\(a), \(b)")
        }
        #expect(computed > 17_000, "the integer path covers all but far-apart exponents of wide mantissas")
        // Quotes as IG sends them (up to 7 digits, up to 6 decimals): every one on the integer path.
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<5_000 {
            func quote() -> Decimal {
                let mantissa = UInt64.random(in: 1..<10_000_000, using: &generator)
                return Decimal(
                    sign: .plus, exponent: -Int.random(in: 0...6, using: &generator), significand: Decimal(mantissa))
            }
            let (bid, ask) = (quote(), quote())
            #expect(DecimalBits.middle(bid, ask) == (bid + ask) / 2, "\(bid), \(ask)")
        }
        let quote = PriceQuote(bid: Decimal(string: "1.08015")!, ask: Decimal(string: "1.0803")!)
        #expect(quote.mid?.description == "1.080225")
    }

    @Test("too wide for 64 bits: nil, and mid falls back to division")
    func wide() throws {
        let huge = Decimal(sign: .plus, exponent: 10, significand: Decimal(UInt64.max))
        let near = Decimal(UInt64(Int64.max))
        #expect(DecimalBits.middle(huge, 1) == nil)
        #expect(DecimalBits.middle(near, near) == nil, "the sum overflows")
        #expect(
            DecimalBits.middle(Decimal(sign: .plus, exponent: -100, significand: 1), 1) == nil,
            "exponents too far apart")
        #expect(PriceQuote(bid: huge, ask: huge).mid == huge)
        let row = PriceTable.Row(
            time: Date(timeIntervalSince1970: 0), bid: .init(open: near, high: nil, low: nil, close: nil),
            ask: .init(open: near, high: nil, low: nil, close: nil),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil),
            volume: nil)
        #expect(row.mid.open == near)
    }

    @Test("text reads as description, for compact and non-compact values, zero and both signs")
    func text() throws {
        for value in Self.samples(count: 20_000, seed: 11) + [Decimal(string: "1.10")!, Decimal(1200), -Decimal(0.5)] {
            #expect(DecimalBits.text(value) == value.description, "\(value)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
