public import Foundation
public import IGModels

/// One tick of a `CHART:{epic}:TICK` stream as the recorder stores it: bid, offer, last traded price and volume, and
/// the day's traded volume, at IG's update time (`UTM`, milliseconds since 1970, UTC).
///
/// Ticks are identified by their epic, time and ``sequence``: the n-th distinct tick with the same millisecond has
/// sequence n (0 for the first), so a tick streamed again (a snapshot after a reconnection, a second recorder) is
/// never stored twice.
public struct RecordedTick: Sendable, Hashable, Codable {
    /// The market.
    public var epic: Epic
    /// `UTM`: milliseconds since 1970, UTC.
    public var time: Int64
    /// Position among distinct ticks of the same millisecond (0 for the first).
    public var sequence: Int
    /// `BID`.
    public var bid: Decimal?
    /// `OFR`.
    public var offer: Decimal?
    /// `LTP`: last traded price.
    public var lastTradedPrice: Decimal?
    /// `LTV`: last traded volume.
    public var lastTradedVolume: Decimal?
    /// `TTV`: the day's traded volume so far.
    public var totalVolume: Decimal?

    /// A tick.
    public init(
        epic: Epic, time: Int64, sequence: Int = 0, bid: Decimal?, offer: Decimal?, lastTradedPrice: Decimal? = nil,
        lastTradedVolume: Decimal? = nil, totalVolume: Decimal? = nil
    ) {
        self.epic = epic
        self.time = time
        self.sequence = sequence
        self.bid = bid
        self.offer = offer
        self.lastTradedPrice = lastTradedPrice
        self.lastTradedVolume = lastTradedVolume
        self.totalVolume = totalVolume
    }

    /// The time as a date.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(time) / 1000) }

    /// Whether two ticks carry the same values (time and sequence aside).
    public func hasSameValues(as other: RecordedTick) -> Bool {
        bid == other.bid && offer == other.offer && lastTradedPrice == other.lastTradedPrice
            && lastTradedVolume == other.lastTradedVolume && totalVolume == other.totalVolume
    }
}
