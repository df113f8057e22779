import Foundation
import IGModels

/// The bulk form of ``BarCodec``'s encoding, for writing many bars: one pass over a row's thirteen values into a
/// reused buffer, the raw-layout check done once per encoder instead of once per value, nothing allocated per row.
///
/// After ``encode(_:)`` the integers are in ``values`` (13 entries) and bit `i` of ``missing`` is set when value `i`
/// is nil (its integer is then 0).
struct BarEncoder: ~Copyable {
    /// The thirteen integers of the last encoded row.
    let values: UnsafeMutablePointer<Int64>
    /// Bit `i` set: value `i` of the last encoded row is nil.
    private(set) var missing: UInt16 = 0
    private let mantissas: UnsafeMutablePointer<UInt64>
    private let exponents: UnsafeMutablePointer<Int>
    private let fast = DecimalBits.layoutVerified

    init() {
        values = .allocate(capacity: 13)
        values.initialize(repeating: 0, count: 13)
        mantissas = .allocate(capacity: 13)
        mantissas.initialize(repeating: 0, count: 13)
        exponents = .allocate(capacity: 13)
        exponents.initialize(repeating: 0, count: 13)
    }

    deinit {
        values.deallocate()
        mantissas.deallocate()
        exponents.deallocate()
    }

    /// Encodes `row`; returns its start second and scale (the smallest at which every value is a whole number).
    mutating func encode(_ row: PriceTable.Row) throws(BarCodec.UnrepresentableValue) -> (time: Int64, scale: Int) {
        missing = 0
        var negative: UInt16 = 0
        var scale = 0
        var failed: Decimal?
        let fast = fast
        func load(_ index: Int, _ value: Decimal?) {
            guard let value else {
                missing |= 1 << UInt16(index)
                mantissas[index] = 0
                exponents[index] = 0
                return
            }
            guard let parts = fast ? DecimalBits.loadParts(value) : DecimalBits.parts(value) else {
                failed = failed ?? value
                return
            }
            var mantissa = parts.mantissa
            var exponent = parts.exponent
            if mantissa == 0 {
                exponent = 0
            } else {
                while exponent < 0, mantissa % 10 == 0 {
                    mantissa /= 10
                    exponent += 1
                }
            }
            if parts.negative, mantissa != 0 { negative |= 1 << UInt16(index) }
            mantissas[index] = mantissa
            exponents[index] = exponent
            if -exponent > scale { scale = -exponent }
        }
        load(0, row.bid.open)
        load(1, row.bid.high)
        load(2, row.bid.low)
        load(3, row.bid.close)
        load(4, row.ask.open)
        load(5, row.ask.high)
        load(6, row.ask.low)
        load(7, row.ask.close)
        load(8, row.lastTraded.open)
        load(9, row.lastTraded.high)
        load(10, row.lastTraded.low)
        load(11, row.lastTraded.close)
        load(12, row.volume)
        if let failed { throw BarCodec.UnrepresentableValue(value: failed.description) }
        guard scale <= DecimalBits.maximumScale else {
            throw BarCodec.UnrepresentableValue(value: "a value with \(scale) decimal places")
        }
        for index in 0..<13 {
            let mantissa = mantissas[index]
            guard mantissa != 0 else {
                values[index] = 0
                continue
            }
            let shift = exponents[index] + scale
            guard mantissa <= UInt64(Int64.max), shift >= 0, shift <= DecimalBits.maximumScale else {
                throw BarCodec.UnrepresentableValue(value: Self.text(mantissa, exponents[index], negative, index))
            }
            let (product, overflow) = Int64(mantissa).multipliedReportingOverflow(by: DecimalBits.powersOfTen[shift])
            guard !overflow else {
                throw BarCodec.UnrepresentableValue(value: Self.text(mantissa, exponents[index], negative, index))
            }
            values[index] = negative & (1 << UInt16(index)) != 0 ? -product : product
        }
        return (TimeRange.seconds(row.time), scale)
    }

    private static func text(_ mantissa: UInt64, _ exponent: Int, _ negative: UInt16, _ index: Int) -> String {
        let sign: FloatingPointSign = negative & (1 << UInt16(index)) != 0 ? .minus : .plus
        return Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)).description
    }
}
