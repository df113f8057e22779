import Foundation
public import IGModels

/// The store's row encoding of a bar: its UTC start in seconds, one decimal scale for the row, and thirteen nullable
/// integers (bid, ask and last-traded OHLC, then volume), each the value times `10^scale`.
///
/// The encoding is exact: ``decode(time:scale:values:)`` of ``encode(_:into:)`` gives the row back value for value.
/// Readers outside Swift divide a column by `10^scale` (e.g. `bid_close / power(10, scale)`).
public enum BarCodec {
    /// Column names of the thirteen values, in order.
    public static let valueColumns = [
        "bid_open", "bid_high", "bid_low", "bid_close", "ask_open", "ask_high", "ask_low", "ask_close",
        "last_open", "last_high", "last_low", "last_close", "volume",
    ]

    /// A value that has no exact integer form at any scale up to 18 (or more than 19 significant digits).
    public struct UnrepresentableValue: Error, Sendable, Hashable, CustomStringConvertible {
        /// The value as text.
        public var value: String
        /// The value and why it cannot be stored.
        public var description: String {
            "the value \(value) has no exact integer form at a scale of at most 18 decimal places"
        }
    }

    /// Encodes `row` into `values` (cleared first, 13 entries) and returns its start second and scale.
    public static func encode(
        _ row: PriceTable.Row, into values: inout [Int64?]
    ) throws(UnrepresentableValue) -> (
        time: Int64, scale: Int
    ) {
        var encoder = BarEncoder()
        let (time, scale) = try encoder.encode(row)
        values.removeAll(keepingCapacity: true)
        for index in 0..<13 {
            values.append(encoder.missing & (1 << UInt16(index)) != 0 ? nil : encoder.values[index])
        }
        return (time, scale)
    }

    /// The row of a stored bar.
    public static func decode(time: Int64, scale: Int, values: [Int64?]) -> PriceTable.Row {
        func value(_ index: Int) -> Decimal? {
            guard index < values.count, let stored = values[index] else { return nil }
            return DecimalBits.decimal(scaled: stored, scale: scale, fast: fast)
        }
        let fast = DecimalBits.layoutVerified
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(time)),
            bid: .init(open: value(0), high: value(1), low: value(2), close: value(3)),
            ask: .init(open: value(4), high: value(5), low: value(6), close: value(7)),
            lastTraded: .init(open: value(8), high: value(9), low: value(10), close: value(11)),
            volume: value(12))
    }

    /// The row of a stored bar from thirteen integers (bit `i` of `missing` set: value `i` is nil), building each
    /// `Decimal` from its integer and exponent directly. `fast` is ``DecimalBits/layoutVerified``, read once by the
    /// caller.
    @inline(__always)
    static func decode(
        time: Int64, scale: Int, values: UnsafePointer<Int64>, missing: UInt16, fast: Bool
    ) -> PriceTable.Row {
        @inline(__always) func value(_ index: Int) -> Decimal? {
            missing & (1 << UInt16(index)) != 0
                ? nil : DecimalBits.decimal(scaled: values[index], scale: scale, fast: fast)
        }
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(time)),
            bid: .init(open: value(0), high: value(1), low: value(2), close: value(3)),
            ask: .init(open: value(4), high: value(5), low: value(6), close: value(7)),
            lastTraded: .init(open: value(8), high: value(9), low: value(10), close: value(11)),
            volume: value(12))
    }
}
