public import IGModels

/// One recorded stream of one market: its ticks (`TICK`), its candles of one scale (`1MINUTE`, `5MINUTE`, `HOUR`,
/// `SECOND`) or its `PRICE` snapshots, in one environment. Spans and gaps are kept per stream.
public struct RecordedStream: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `DEMO`, `LIVE`, or the URL of another IG-compatible server (as in ``SeriesKey``).
    public var environment: String
    /// The market, or the account id for `ACCOUNT` and `TRADE` streams.
    public var epic: Epic
    /// `TICK`, a candle scale (`1MINUTE`…), `PRICE`, `ACCOUNT` or `TRADE`.
    public var stream: String

    /// A stream of `epic` in `environment`.
    public init(environment: String, epic: Epic, stream: String) {
        self.environment = environment
        self.epic = epic
        self.stream = stream
    }

    /// The tick stream's name.
    public static let ticks = "TICK"
    /// The PRICE stream's name.
    public static let prices = "PRICE"
    /// The ACCOUNT stream's name (its epic is the account id).
    public static let account = "ACCOUNT"
    /// The TRADE stream's name (its epic is the account id).
    public static let trade = "TRADE"

    /// `EPIC STREAM (ENVIRONMENT)`.
    public var description: String { "\(epic) \(stream) (\(environment))" }
}
