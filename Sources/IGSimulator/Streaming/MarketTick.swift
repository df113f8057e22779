import Foundation

/// One live quote of a market as the stream publishes it, in whole ticks of the bid.
struct MarketTick: Sendable, Hashable {
    var bid: Int64
    var spread: Int64
    var decimals: Int
    /// Epoch milliseconds of the quote.
    var millis: Int64
    /// The engine second the quote belongs to.
    var second: Int64
    var dayOpen: Int64
    var dayHigh: Int64
    var dayLow: Int64
    var dayVolume: Int64
    var trading: Bool
    /// False while replayed or relayed prices have nothing at or before the second (a clock set before the
    /// recording's first bar, a live source before its first quote): the stream then sends no update, and a
    /// snapshot with empty fields, rather than a made-up price.
    var hasPrice = true

    var ask: Int64 { self.bid + self.spread }
}
