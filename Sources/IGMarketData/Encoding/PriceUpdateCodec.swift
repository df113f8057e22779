import Foundation
import IGModels

/// The store's row encoding of a PRICE update: like ``TickCodec``, one scale and eight nullable integers.
enum PriceUpdateCodec {
    /// Column names of the eight values, in ``RecordedPrice/values`` order.
    static let valueColumns = ["bid", "ask", "bid_size", "ask_size", "high", "low", "mid_open", "net_change"]

    /// The update's scale and its eight values at that scale.
    static func encode(_ price: RecordedPrice) throws(BarCodec.UnrepresentableValue) -> (scale: Int, values: [Int64?]) {
        try TickCodec.encode(price.values)
    }

    /// The update of a stored row.
    static func decode(
        epic: String, time: Int64, sequence: Int, scale: Int, values: [Int64?], dealingFlag: String?
    ) -> RecordedPrice {
        func value(_ index: Int) -> Decimal? {
            guard index < values.count, let stored = values[index] else { return nil }
            return DecimalBits.decimal(scaled: stored, scale: scale)
        }
        return RecordedPrice(
            epic: Epic(rawValue: epic), time: time, sequence: sequence, bid: value(0), ask: value(1),
            bidSize: value(2), askSize: value(3), high: value(4), low: value(5), midOpen: value(6),
            netChange: value(7), dealingFlag: dealingFlag)
    }
}
