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

    /// Whether this is an account's stream (`ACCOUNT`, `TRADE`), filed under the account id instead of an epic.
    public var isAccountStream: Bool { stream == Self.account || stream == Self.trade }

    /// The resolution of the bars a candle stream's completed candles are stored as (`SECOND`, `1MINUTE` → `MINUTE`,
    /// `5MINUTE` → `MINUTE_5`, `HOUR`); nil for other streams.
    public var candleResolution: Resolution? {
        switch stream {
        case "SECOND": .second
        case "1MINUTE": .minute
        case "5MINUTE": .minute5
        case "HOUR": .hour
        default: nil
        }
    }

    /// `EPIC STREAM (ENVIRONMENT)`.
    public var description: String { "\(epic) \(stream) (\(environment))" }
}
