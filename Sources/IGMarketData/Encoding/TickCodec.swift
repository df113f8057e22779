import Foundation
import IGModels

/// The store's row encoding of a tick: one decimal scale for the row and five nullable integers (bid, offer, last
/// traded price, last traded volume, day volume), each the value times `10^scale`. Exact, like ``BarCodec``.
enum TickCodec {
    /// Column names of the five values, in order.
    static let valueColumns = ["bid", "offer", "last", "last_volume", "total_volume"]

    /// The tick's scale and its five values at that scale.
    static func encode(_ tick: RecordedTick) throws(BarCodec.UnrepresentableValue) -> (scale: Int, values: [Int64?]) {
        try encode([tick.bid, tick.offer, tick.lastTradedPrice, tick.lastTradedVolume, tick.totalVolume])
    }

    /// One scale for `decimals` (the largest number of decimal places among them) and each value at that scale.
    static func encode(_ decimals: [Decimal?]) throws(BarCodec.UnrepresentableValue) -> (scale: Int, values: [Int64?]) {
        var scale = 0
        for value in decimals {
            guard let value else { continue }
            guard let parts = DecimalBits.parts(value) else {
                throw BarCodec.UnrepresentableValue(value: value.description)
            }
            scale = Swift.max(scale, DecimalBits.scale(of: parts))
        }
        guard scale <= DecimalBits.maximumScale else {
            throw BarCodec.UnrepresentableValue(value: "a value with \(scale) decimal places")
        }
        var values: [Int64?] = []
        values.reserveCapacity(decimals.count)
        for value in decimals {
            guard let value else {
                values.append(nil)
                continue
            }
            guard let scaled = DecimalBits.scaled(value, scale: scale) else {
                throw BarCodec.UnrepresentableValue(value: value.description)
            }
            values.append(scaled)
        }
        return (scale, values)
    }

    /// The tick of a stored row.
    static func decode(epic: String, time: Int64, sequence: Int, scale: Int, values: [Int64?]) -> RecordedTick {
        func value(_ index: Int) -> Decimal? {
            guard index < values.count, let stored = values[index] else { return nil }
            return DecimalBits.decimal(scaled: stored, scale: scale)
        }
        return RecordedTick(
            epic: Epic(rawValue: epic), time: time, sequence: sequence, bid: value(0), offer: value(1),
            lastTradedPrice: value(2), lastTradedVolume: value(3), totalVolume: value(4))
    }
}
