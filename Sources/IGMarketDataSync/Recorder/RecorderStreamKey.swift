public import IGModels

/// One stream the recorder follows, within its environment: an epic's ticks (`TICK`) or its candles of one scale.
public struct RecorderStreamKey: Sendable, Hashable, CustomStringConvertible {
    /// The market.
    public var epic: Epic
    /// `TICK` or a candle scale (`1MINUTE`, `5MINUTE`, `HOUR`, `SECOND`).
    public var stream: String

    /// The key of `epic`'s `stream`.
    public init(epic: Epic, stream: String) {
        self.epic = epic
        self.stream = stream
    }

    /// `EPIC STREAM`.
    public var description: String { "\(epic) \(stream)" }
}
