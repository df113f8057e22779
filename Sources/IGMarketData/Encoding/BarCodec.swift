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
        public var value: String
        public var description: String {
            "the value \(value) has no exact integer form at a scale of at most 18 decimal places"
        }
    }

    /// Encodes `row` into `values` (cleared first, 13 entries) and returns its start second and scale.
    public static func encode(_ row: PriceTable.Row, into values: inout [Int64?]) throws(UnrepresentableValue) -> (
        time: Int64, scale: Int
    ) {
        var parts: [DecimalBits.Parts?] = []
        parts.reserveCapacity(13)
        var scale = 0
        func add(_ value: Decimal?) throws(UnrepresentableValue) {
            guard let value else {
                parts.append(nil)
                return
            }
            guard let split = DecimalBits.parts(value) else { throw UnrepresentableValue(value: value.description) }
            scale = Swift.max(scale, DecimalBits.scale(of: split))
            parts.append(split)
        }
        try add(row.bid.open)
        try add(row.bid.high)
        try add(row.bid.low)
        try add(row.bid.close)
        try add(row.ask.open)
        try add(row.ask.high)
        try add(row.ask.low)
        try add(row.ask.close)
        try add(row.lastTraded.open)
        try add(row.lastTraded.high)
        try add(row.lastTraded.low)
        try add(row.lastTraded.close)
        try add(row.volume)
        guard scale <= DecimalBits.maximumScale else {
            throw UnrepresentableValue(value: parts.compactMap { $0 }.map { "\($0.mantissa)e\($0.exponent)" }.first ?? "")
        }
        values.removeAll(keepingCapacity: true)
        for (index, part) in parts.enumerated() {
            guard let part else {
                values.append(nil)
                continue
            }
            guard let scaled = DecimalBits.scaled(part, scale: scale) else {
                throw UnrepresentableValue(value: Self.decimal(at: index, of: row)?.description ?? "?")
            }
            values.append(scaled)
        }
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

    /// The decimal of `row` at a value index.
    static func decimal(at index: Int, of row: PriceTable.Row) -> Decimal? {
        let all = row.bid.values + row.ask.values + row.lastTraded.values + [row.volume]
        return index < all.count ? all[index] : nil
    }
}
