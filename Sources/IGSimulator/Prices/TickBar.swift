import Foundation

/// A bar in whole ticks of the bid price, as generated internally.
struct TickBar: Hashable, Sendable {
    var open: Int64
    var high: Int64
    var low: Int64
    var close: Int64
    var volume: Int64

    /// The bar covering `self` followed by `next`.
    func followed(by next: TickBar) -> TickBar {
        TickBar(
            open: self.open,
            high: Swift.max(self.high, next.high),
            low: Swift.min(self.low, next.low),
            close: next.close,
            volume: self.volume + next.volume
        )
    }
}
