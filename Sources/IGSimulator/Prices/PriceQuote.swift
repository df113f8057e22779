import Foundation

/// A two-way quote at an instant.
public struct PriceQuote: Sendable, Hashable {
    /// The bid.
    public var bid: Double
    /// The offer.
    public var offer: Double
    /// The instant the quote belongs to (the last trading second at or before the requested time).
    public var time: Date

    /// Creates a quote.
    public init(bid: Double, offer: Double, time: Date) {
        self.bid = bid
        self.offer = offer
        self.time = time
    }
}
