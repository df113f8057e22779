import Foundation

/// One recorded tick to replay: its time, bid and offer in price units.
public struct ReplayTick: Sendable, Hashable {
    /// When the tick was streamed (IG's `UTM`).
    public var time: Date
    /// `BID`.
    public var bid: Double
    /// `OFR`.
    public var offer: Double

    /// A tick from its time, bid and offer.
    public init(time: Date, bid: Double, offer: Double) {
        self.time = time
        self.bid = bid
        self.offer = offer
    }
}
