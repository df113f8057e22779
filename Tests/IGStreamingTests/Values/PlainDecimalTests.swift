import Foundation
import Testing

@testable import IGStreaming

/// A Decimal's exact representation: its bytes (exponent, flags, length, mantissa words).
private func bits(_ value: Decimal) -> [UInt8] {
    withUnsafeBytes(of: value) { Array($0) }
}

@Suite("Plain decimals")
struct PlainDecimalTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    @Test(
        "The digit-by-digit parser gives Decimal(string:)'s exact representation",
        arguments: [
            "1.08412", "1.0841", "1.08410", "-0.00292", "+12.5", "100", "1000000", "7000.00", "0.05", ".5", "5.",
            "00012.3400", "123456789012345678", "1234567890123456789", "65535", "65536", "4294967296",
            "281474976710656", "-281474976710655.9", "0.000000000000000001", "98765.4321",
        ])
    func matchesFoundation(_ text: String) throws {
        let plain = try #require(IGStreamingValues.plainDecimal(text))
        let foundation = try #require(Decimal(string: text, locale: Self.posix))
        #expect(bits(plain) == bits(foundation), "\(text)")
        #expect(plain == foundation)
        #expect(plain.description == foundation.description)
        #expect(IGStreamingValues.decimal(text) == foundation)
    }

    @Test(
        "Anything else is left to Foundation's parser",
        arguments: ["", "-", ".", "0", "0.000", "-0", "1e5", " 1", "1 ", "1.2.3", "12345678901234567890", "abc", "1,5"]
    )
    func fallsBack(_ text: String) {
        #expect(IGStreamingValues.plainDecimal(text) == nil)
    }

    @Test("The fallback still parses what the fast path leaves")
    func fallbackValues() {
        #expect(IGStreamingValues.decimal("0") == 0)
        #expect(IGStreamingValues.decimal("0.000") == 0)
        #expect(IGStreamingValues.decimal("1e5") == 100_000)
        #expect(IGStreamingValues.decimal("12345678901234567890") == Decimal(string: "12345678901234567890"))
        #expect(IGStreamingValues.decimal("abc") == nil)
        #expect(IGStreamingValues.decimal("") == nil)
    }

    @Test("Thousands of quotes parse like Foundation's parser")
    func manyQuotes() {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let integer = Int.random(in: 0..<100_000, using: &generator)
            let fraction = Int.random(in: 0..<100_000, using: &generator)
            let sign = Bool.random(using: &generator) ? "-" : ""
            let text = "\(sign)\(integer).\(String(fraction).leftPadded(to: 5))"
            guard let foundation = Decimal(string: text, locale: Self.posix) else { continue }
            let plain = IGStreamingValues.plainDecimal(text)
            if plain.map(bits) != (foundation.isZero ? nil : bits(foundation)) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
