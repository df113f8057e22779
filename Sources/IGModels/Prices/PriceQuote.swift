public import Foundation

/// One side-by-side price: bid, ask and (for exchange-traded markets) last traded.
public struct PriceQuote: Codable, Sendable, Hashable {
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var ask: Decimal?
    /// The last traded price, where IG has one.
    public var lastTraded: Decimal?

    /// Creates a quote.
    public init(bid: Decimal?, ask: Decimal?, lastTraded: Decimal? = nil) {
        self.bid = bid
        self.ask = ask
        self.lastTraded = lastTraded
    }

    /// The middle of bid and ask.
    public var mid: Decimal? {
        guard let bid, let ask else { return nil }
        return DecimalBits.middle(bid, ask) ?? (bid + ask) / 2
    }

    /// Ask minus bid.
    public var spread: Decimal? {
        guard let bid, let ask else { return nil }
        return ask - bid
    }
}
