import Foundation

/// A bid/ask pair.
public struct PricePoint: Sendable, Hashable {
    /// The bid (sell) price.
    public var bid: Double
    /// The ask (offer, buy) price.
    public var ask: Double

    /// Creates a price point.
    public init(bid: Double, ask: Double) {
        self.bid = bid
        self.ask = ask
    }
}
