public import Foundation
public import IGModels

/// One update of a `PRICE:{account}:{epic}` item as the recorder stores it: the fields `ig` subscribes to
/// (`IGStreaming`'s price schema), the item's state after the update, at IG's `TIMESTAMP` (milliseconds since
/// 1970, UTC).
///
/// Identified like a ``RecordedTick``: epic, time and ``sequence`` (distinct updates of one millisecond), so an update
/// streamed again is never stored twice.
public struct RecordedPrice: Sendable, Hashable, Codable {
    /// The market.
    public var epic: Epic
    /// `TIMESTAMP`: milliseconds since 1970, UTC (the time the recorder received it when IG sent none).
    public var time: Int64
    /// Position among distinct updates of the same millisecond (0 for the first).
    public var sequence: Int
    /// `BIDPRICE1`.
    public var bid: Decimal?
    /// `ASKPRICE1`.
    public var ask: Decimal?
    /// `BIDSIZE1`.
    public var bidSize: Decimal?
    /// `ASKSIZE1`.
    public var askSize: Decimal?
    /// `HIGH`.
    public var high: Decimal?
    /// `LOW`.
    public var low: Decimal?
    /// `MID_OPEN`.
    public var midOpen: Decimal?
    /// `NET_CHG`.
    public var netChange: Decimal?
    /// `DLG_FLAG` (e.g. `DEAL`, `CLOSED`).
    public var dealingFlag: String?

    /// An update.
    public init(
        epic: Epic, time: Int64, sequence: Int = 0, bid: Decimal?, ask: Decimal?, bidSize: Decimal? = nil,
        askSize: Decimal? = nil, high: Decimal? = nil, low: Decimal? = nil, midOpen: Decimal? = nil,
        netChange: Decimal? = nil, dealingFlag: String? = nil
    ) {
        self.epic = epic
        self.time = time
        self.sequence = sequence
        self.bid = bid
        self.ask = ask
        self.bidSize = bidSize
        self.askSize = askSize
        self.high = high
        self.low = low
        self.midOpen = midOpen
        self.netChange = netChange
        self.dealingFlag = dealingFlag
    }

    /// The eight numeric values in storage order: bid, ask, bid size, ask size, high, low, mid open, net change.
    public var values: [Decimal?] { [bid, ask, bidSize, askSize, high, low, midOpen, netChange] }

    /// Whether two updates carry the same values (time and sequence aside).
    public func hasSameValues(as other: RecordedPrice) -> Bool {
        values == other.values && dealingFlag == other.dealingFlag
    }
}
