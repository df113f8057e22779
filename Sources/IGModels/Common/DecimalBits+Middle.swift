import Foundation

extension DecimalBits {
    /// `(a + b) / 2`, exactly and in the compact form `Decimal`'s division gives, computed on 64-bit integers; nil
    /// when a mantissa is wider than 64 bits or the sum would overflow (the caller then divides).
    ///
    /// Halving a decimal is exact: `x / 2 = 5x / 10`. Prices have a handful of digits, so this is the common case.
    package static func middle(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let a = parts(a), let b = parts(b), a.mantissa <= UInt64(Int64.max), b.mantissa <= UInt64(Int64.max)
        else { return nil }
        // Both at the smaller exponent, as signed integers.
        let exponent = Swift.min(a.exponent, b.exponent)
        func aligned(_ parts: Parts) -> Int64? {
            let shift = parts.exponent - exponent
            guard shift <= maximumScale else { return parts.mantissa == 0 ? 0 : nil }
            let (value, overflow) = Int64(parts.mantissa).multipliedReportingOverflow(by: powersOfTen[shift])
            guard !overflow else { return nil }
            return parts.negative ? -value : value
        }
        guard let x = aligned(a), let y = aligned(b) else { return nil }
        let (sum, overflowed) = x.addingReportingOverflow(y)
        guard !overflowed else { return nil }
        let (half, overflowedAgain) = sum.multipliedReportingOverflow(by: 5)
        guard !overflowedAgain, exponent - 1 > -128 else { return nil }
        return decimal(Parts(negative: half < 0, mantissa: half.magnitude, exponent: exponent - 1))
    }
}
