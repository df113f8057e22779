import Foundation

extension DecimalBits {
    /// `value` as its `description` reads (plain notation, never an exponent), written without `Decimal`'s own
    /// formatting: several times faster, for tables and exports of many values.
    package static func text(_ value: Decimal) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendText(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` in plain notation, as its `description` reads: digits written in place, no allocation.
    package static func appendText(_ value: Decimal, to output: inout [UInt8]) {
        guard let parts = parts(value), parts.exponent > -40, parts.exponent < 40 else {
            output.append(contentsOf: value.description.utf8)
            return
        }
        guard parts.mantissa != 0 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        if parts.negative { output.append(UInt8(ascii: "-")) }
        var digits = 0
        var rest = parts.mantissa
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let zero = UInt8(ascii: "0")
        // The text is laid out as zeros first, then the mantissa's digits are written from the right.
        let fraction = Swift.max(-parts.exponent, 0)
        let start = output.count
        let point: Int?  // where the decimal point goes
        if parts.exponent >= 0 {
            output.append(contentsOf: repeatElement(zero, count: digits + parts.exponent))
            point = nil
        } else if digits > fraction {
            output.append(contentsOf: repeatElement(zero, count: digits + 1))
            point = start + digits - fraction
        } else {
            output.append(contentsOf: repeatElement(zero, count: fraction + 2))
            point = start + 1
        }
        if let point { output[point] = UInt8(ascii: ".") }
        var index = parts.exponent >= 0 ? start + digits - 1 : output.count - 1
        rest = parts.mantissa
        while rest > 0 {
            if index == point { index -= 1 }
            output[index] = zero + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
