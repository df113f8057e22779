public import Foundation

/// A historical price bar with its UTC start time.
public struct PriceBar: Codable, Sendable, Hashable {
    /// Start of the bar, UTC.
    public var time: Date
    /// IG's account-local start time, kept as sent.
    public var localTime: String
    /// Opening prices.
    public var open: PriceQuote
    /// Highest prices.
    public var high: PriceQuote
    /// Lowest prices.
    public var low: PriceQuote
    /// Closing prices.
    public var close: PriceQuote
    /// Traded volume of this bar, when IG reports one for it.
    public var volume: Decimal?

    /// Creates a bar.
    public init(
        time: Date, localTime: String, open: PriceQuote, high: PriceQuote, low: PriceQuote, close: PriceQuote,
        volume: Decimal?
    ) {
        self.time = time
        self.localTime = localTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// Builds a bar from IG's payload; `nil` when no UTC time can be derived.
    ///
    /// - Parameters:
    ///   - payload: one element of IG's `prices` array.
    ///   - localOffset: the account's offset from UTC in seconds, used only when IG sent no
    ///     `snapshotTimeUTC` (v1/v2 bodies).
    public init?(payload: PriceBarPayload, localOffset: Int = 0) {
        let time: Date
        if let utc = payload.snapshotTimeUTC, let parsed = IGDateFormat.iso.date(from: utc) {
            time = parsed
        } else if let local = IGDateFormat.date(from: payload.snapshotTime, trying: [.slashed, .colon]) {
            time = local.addingTimeInterval(TimeInterval(-localOffset))
        } else {
            return nil
        }
        let volume = payload.lastTradedVolume
        self.init(
            time: time, localTime: payload.snapshotTime, open: payload.openPrice, high: payload.highPrice,
            low: payload.lowPrice, close: payload.closePrice, volume: volume)
    }
}
