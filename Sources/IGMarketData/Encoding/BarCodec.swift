public import Foundation
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
        // Two passes over the thirteen values, so nothing is allocated per row: the scale first, then the integers.
        var scale = 0
        var failed: Decimal?
        func measure(_ value: Decimal?) {
            guard let value, failed == nil else { return }
            guard let parts = DecimalBits.parts(value) else {
                failed = value
                return
            }
            scale = Swift.max(scale, DecimalBits.scale(of: parts))
        }
        measure(row.bid.open)
        measure(row.bid.high)
        measure(row.bid.low)
        measure(row.bid.close)
        measure(row.ask.open)
        measure(row.ask.high)
        measure(row.ask.low)
        measure(row.ask.close)
        measure(row.lastTraded.open)
        measure(row.lastTraded.high)
        measure(row.lastTraded.low)
        measure(row.lastTraded.close)
        measure(row.volume)
        if let failed { throw UnrepresentableValue(value: failed.description) }
        guard scale <= DecimalBits.maximumScale else {
            throw UnrepresentableValue(value: "a value with \(scale) decimal places")
        }
        values.removeAll(keepingCapacity: true)
        func append(_ value: Decimal?) {
            guard let value else {
                values.append(nil)
                return
            }
            guard failed == nil, let parts = DecimalBits.parts(value),
                let scaled = DecimalBits.scaled(parts, scale: scale)
            else {
                failed = value
                values.append(nil)
                return
            }
            values.append(scaled)
        }
        append(row.bid.open)
        append(row.bid.high)
        append(row.bid.low)
        append(row.bid.close)
        append(row.ask.open)
        append(row.ask.high)
        append(row.ask.low)
        append(row.ask.close)
        append(row.lastTraded.open)
        append(row.lastTraded.high)
        append(row.lastTraded.low)
        append(row.lastTraded.close)
        append(row.volume)
        if let failed { throw UnrepresentableValue(value: failed.description) }
        return (TimeRange.seconds(row.time), scale)
    }

    /// The row of a stored bar.
    public static func decode(time: Int64, scale: Int, values: [Int64?]) -> PriceTable.Row {
        func value(_ index: Int) -> Decimal? {
            guard index < values.count, let stored = values[index] else { return nil }
            return DecimalBits.decimal(scaled: stored, scale: scale)
        }
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(time)),
            bid: .init(open: value(0), high: value(1), low: value(2), close: value(3)),
            ask: .init(open: value(4), high: value(5), low: value(6), close: value(7)),
            lastTraded: .init(open: value(8), high: value(9), low: value(10), close: value(11)),
            volume: value(12))
    }
}
