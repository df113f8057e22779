import Foundation

extension IGStreamingValues {
    /// A plain decimal (`[+-]digits[.digits]`, at most 19 significant digits, not zero) built directly from its
    /// digits; `nil` for anything else (exponents, spaces, zero, longer numbers), which the general parser handles.
    ///
    /// The result is the value `Decimal(string:)` returns, in the same compact form (no trailing zeros in the
    /// mantissa), at a fraction of its cost: streamed prices are parsed millions of times.
    static func plainDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { bytes -> Decimal? in
            guard !bytes.isEmpty else { return nil }
            var index = 0
            var negative = false
            if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
                negative = bytes[0] == UInt8(ascii: "-")
                index = 1
            }
            var mantissa: UInt64 = 0
            var significantDigits = 0
            var exponent: Int32 = 0
            var seenPoint = false
            var seenDigit = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ".") {
                    guard !seenPoint else { return nil }
                    seenPoint = true
                    continue
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                seenDigit = true
                if seenPoint { exponent -= 1 }
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if mantissa == 0, digit == 0 { continue }  // a leading zero
                guard significantDigits < 19 else { return nil }
                mantissa = mantissa * 10 + digit
                significantDigits += 1
            }
            guard seenDigit, mantissa != 0 else { return nil }
            while mantissa % 10 == 0 {
                mantissa /= 10
                exponent += 1
            }
            return Decimal(
                sign: negative ? .minus : .plus, exponent: Int(exponent), significand: Decimal(mantissa))
        }
    }
}
