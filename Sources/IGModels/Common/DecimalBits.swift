import Foundation

/// Exact conversion between `Decimal` and an integer mantissa at a decimal scale, the store's price encoding.
///
/// A value `v` is stored as the integer `v × 10^scale`. Reading gives back the `Decimal` in its compact form (no
/// trailing zeros in the mantissa), which is the form Foundation's parsers and `JSONDecoder` produce for IG's
/// numbers, so a value comes back with the same bits it went in with.
///
/// The fast path reads and writes the 20-byte `Decimal` layout (exponent, length and sign flags, eight 16-bit
/// mantissa words) directly; it is used only after ``layoutVerified`` confirmed, against Foundation's public API,
/// that this platform's `Decimal` has that layout. Otherwise the slower public-API path runs.
package enum DecimalBits {
    /// The largest scale the store uses (10^18 still fits an `Int64`).
    package static let maximumScale = 18

    package static let powersOfTen: [Int64] = (0...18).map { exponent in
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A `Decimal` split into sign, 64-bit mantissa and base-10 exponent.
    package struct Parts: Equatable {
        package var negative: Bool
        package var mantissa: UInt64
        package var exponent: Int

        @inlinable
        package init(negative: Bool, mantissa: UInt64, exponent: Int) {
            self.negative = negative
            self.mantissa = mantissa
            self.exponent = exponent
        }
    }

    /// Whether the raw layout matches Foundation's public view of a few values (checked once).
    package static let layoutVerified: Bool = {
        let samples = [
            "1.1", "-3.5", "1200", "0.00001", "12345.678", "-0.5", "99999.99999", "18446744073709551615",
            "-9223372036854775807", "4294967296.5", "65536",
        ]
        for text in samples {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                let raw = rawParts(value), let slow = publicParts(value), raw == slow,
                let fast = loadParts(value), fast == raw,
                rawDecimal(raw) == value, bytes(rawDecimal(raw)) == bytes(value),
                bytes(storeDecimal(raw)) == bytes(value)
            else { return false }
        }
        return true
    }()

    private static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    /// Sign, mantissa and exponent of `value`; nil for NaN or a mantissa wider than 64 bits.
    package static func parts(_ value: Decimal) -> Parts? {
        layoutVerified ? rawParts(value) : publicParts(value)
    }

    /// The `Decimal` of sign, mantissa and exponent, in compact form.
    package static func decimal(_ parts: Parts) -> Decimal {
        var parts = parts
        if parts.mantissa == 0 { return Decimal() }
        while parts.mantissa % 10 == 0, parts.exponent < 127 {
            parts.mantissa /= 10
            parts.exponent += 1
        }
        if layoutVerified { return rawDecimal(parts) }
        return Decimal(
            sign: parts.negative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.mantissa))
    }

    /// `value × 10^scale` as an integer, nil when it does not fit or is not a whole number at that scale.
    package static func scaled(_ value: Decimal, scale: Int) -> Int64? {
        guard let parts = parts(value) else { return nil }
        return scaled(parts, scale: scale)
    }

    package static func scaled(_ parts: Parts, scale: Int) -> Int64? {
        guard parts.mantissa <= UInt64(Int64.max) else { return nil }
        let shift = parts.exponent + scale
        guard shift >= 0, shift <= maximumScale else { return nil }
        let (product, overflow) = Int64(parts.mantissa).multipliedReportingOverflow(by: powersOfTen[shift])
        guard !overflow else { return nil }
        return parts.negative ? -product : product
    }

    /// The `Decimal` of an integer stored at `scale`.
    package static func decimal(scaled value: Int64, scale: Int) -> Decimal {
        decimal(Parts(negative: value < 0, mantissa: value.magnitude, exponent: -scale))
    }

    /// The smallest scale at which `value` is a whole number (0 for integers and positive exponents).
    package static func scale(of parts: Parts) -> Int {
        var mantissa = parts.mantissa
        var exponent = parts.exponent
        while exponent < 0, mantissa != 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        return Swift.max(0, -exponent)
    }

    // MARK: Raw layout

    private static func rawParts(_ value: Decimal) -> Parts? {
        withUnsafeBytes(of: value) { raw -> Parts? in
            guard raw.count == 20 else { return nil }
            let exponent = Int(Int8(bitPattern: raw[0]))
            let flags = raw[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : Parts(negative: false, mantissa: 0, exponent: 0) }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in 0..<length {
                let low = UInt64(raw[4 + 2 * word])
                let high = UInt64(raw[5 + 2 * word])
                mantissa |= (low | high << 8) << (16 * UInt64(word))
            }
            return Parts(negative: negative, mantissa: mantissa, exponent: exponent)
        }
    }

    private static func rawDecimal(_ parts: Parts) -> Decimal {
        var value = Decimal()
        guard parts.mantissa != 0 else { return value }
        var length = 0
        var remaining = parts.mantissa
        while remaining != 0 {
            length += 1
            remaining >>= 16
        }
        withUnsafeMutableBytes(of: &value) { raw in
            raw[0] = UInt8(bitPattern: Int8(truncatingIfNeeded: parts.exponent))
            raw[1] = UInt8(length << 4) | (parts.negative ? 0x08 : 0) | 0x04
            raw[2] = 0
            raw[3] = 0
            for word in 0..<8 {
                let bits = word < 4 ? parts.mantissa >> (16 * UInt64(word)) : 0
                raw[4 + 2 * word] = UInt8(truncatingIfNeeded: bits)
                raw[5 + 2 * word] = UInt8(truncatingIfNeeded: bits >> 8)
            }
        }
        return value
    }

    // MARK: Bulk paths (only after `layoutVerified`)

    /// Sign, mantissa and exponent read from the raw layout with two word loads; nil for NaN or a mantissa wider
    /// than 64 bits. Only valid when ``layoutVerified`` is true (the caller checks it once per batch).
    @inlinable
    package static func loadParts(_ value: Decimal) -> Parts? {
        withUnsafeBytes(of: value) { raw -> Parts? in
            guard raw.count == 20 else { return nil }
            let header = raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            let exponent = Int(Int8(truncatingIfNeeded: header))
            let flags = UInt8(truncatingIfNeeded: header >> 8)
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : Parts(negative: false, mantissa: 0, exponent: 0) }
            guard length <= 4 else { return nil }
            var mantissa = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            if length < 4 { mantissa &= (1 << UInt64(16 * length)) &- 1 }
            return Parts(negative: negative, mantissa: mantissa, exponent: exponent)
        }
    }

    /// The `Decimal` of compact parts (mantissa without trailing zeros, or zero), written with three word stores.
    /// Only valid when ``layoutVerified`` is true.
    @inlinable
    package static func storeDecimal(_ parts: Parts) -> Decimal {
        var value = Decimal()
        guard parts.mantissa != 0 else { return value }
        let bits = 64 - parts.mantissa.leadingZeroBitCount
        let length = UInt32((bits + 15) / 16)
        let header =
            UInt32(UInt8(bitPattern: Int8(truncatingIfNeeded: parts.exponent))) | (length << 12)
            | (parts.negative ? 0x0800 : 0) | 0x0400
        withUnsafeMutableBytes(of: &value) { raw in
            raw.storeBytes(of: header, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: parts.mantissa.littleEndian, toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: 0, toByteOffset: 12, as: UInt64.self)
        }
        return value
    }

    /// The `Decimal` of an integer stored at `scale` (0...18), through the raw layout when `fast`.
    @inlinable
    package static func decimal(scaled value: Int64, scale: Int, fast: Bool) -> Decimal {
        var mantissa = value.magnitude
        // A scale outside 0...18 is never written; one read from a damaged file is clamped rather than trapping.
        var exponent = -Swift.min(Swift.max(scale, 0), 127)
        if mantissa == 0 { return Decimal() }
        while exponent < 127, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        let parts = Parts(negative: value < 0, mantissa: mantissa, exponent: exponent)
        return fast ? storeDecimal(parts) : decimal(parts)
    }

    // MARK: Public API path

    private static func publicParts(_ value: Decimal) -> Parts? {
        guard !value.isNaN else { return nil }
        if value.isZero { return Parts(negative: false, mantissa: 0, exponent: 0) }
        let significand = value.significand.magnitude
        guard significand <= Decimal(UInt64.max) else { return nil }
        let mantissa = NSDecimalNumber(decimal: significand).uint64Value
        return Parts(negative: value.sign == .minus, mantissa: mantissa, exponent: value.exponent)
    }
}
