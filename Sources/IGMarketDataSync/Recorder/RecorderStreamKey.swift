import IGMarketData
public import IGModels

/// One stream the recorder follows, within its environment: an epic's ticks (`TICK`), its candles of one scale or its
/// PRICE updates (`PRICE`), or the account's `ACCOUNT` or `TRADE` updates (the account id as epic).
public struct RecorderStreamKey: Sendable, Hashable, CustomStringConvertible {
    /// The market.
    public var epic: Epic
    /// `TICK`, a candle scale (`1MINUTE`, `5MINUTE`, `HOUR`, `SECOND`), `PRICE`, `ACCOUNT` or `TRADE`.
    public var stream: String

    /// The key of `epic`'s `stream`.
    public init(epic: Epic, stream: String) {
        self.epic = epic
        self.stream = stream
    }

    /// Whether this is one of the account's streams (`ACCOUNT`, `TRADE`): IG sends their updates only when something
    /// happens, so their span covers the time their subscription was live, not only their updates.
    public var isAuditTrail: Bool { stream == RecordedStream.account || stream == RecordedStream.trade }

    /// `EPIC STREAM`.
    public var description: String { "\(epic) \(stream)" }
}
