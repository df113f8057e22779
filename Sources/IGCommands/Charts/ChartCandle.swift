import Foundation
import IGModels

/// One bar of a chart, in plotting units: mid prices as `Double`, the bar's start time in UTC.
struct ChartCandle: Sendable, Hashable {
    var time: Date
    var open: Double
    var high: Double
    var low: Double
    var close: Double
    /// Traded volume, when IG reports one for the market.
    var volume: Double?

    /// Whether the bar closed at or above its open.
    var isRising: Bool { close >= open }

    /// The candles of a price table: mid prices where bid and ask exist, else the last traded prices; bars
    /// without a complete OHLC are left out.
    static func candles(of table: PriceTable) -> [ChartCandle] {
        table.rows.compactMap { row in
            let source = row.mid.hasAllValues ? row.mid : row.lastTraded
            guard let open = source.open, let high = source.high, let low = source.low, let close = source.close else {
                return nil
            }
            return ChartCandle(
                time: row.time, open: open.doubleValue, high: high.doubleValue, low: low.doubleValue,
                close: close.doubleValue, volume: row.volume?.doubleValue)
        }
    }

    /// Merges groups of consecutive candles (open of the first, close of the last, the extremes, the summed volume)
    /// so that at most `count` remain; every group but the last has the same number of candles.
    static func merged(_ candles: [ChartCandle], into count: Int) -> [ChartCandle] {
        guard count > 0, candles.count > count else { return candles }
        let group = (candles.count + count - 1) / count
        return stride(from: 0, to: candles.count, by: group).map { start in
            let slice = candles[start..<min(start + group, candles.count)]
            let volumes = slice.compactMap(\.volume)
            return ChartCandle(
                time: slice[start].time, open: slice[start].open, high: slice.map(\.high).max() ?? slice[start].high,
                low: slice.map(\.low).min() ?? slice[start].low, close: slice[slice.endIndex - 1].close,
                volume: volumes.isEmpty ? nil : volumes.reduce(0, +))
        }
    }
}

extension PriceTable.OHLC {
    /// Whether open, high, low and close are all present.
    var hasAllValues: Bool { open != nil && high != nil && low != nil && close != nil }
}

extension Decimal {
    /// The value as a `Double`, for plotting only.
    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }
}
