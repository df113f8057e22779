/// What `GET /markets?epics=` v2 returns per market.
public struct MarketDetailsFilter: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Instrument, dealing rules and snapshot (the default).
    public static let all: Self = "ALL"
    /// The snapshot only: `dealingRules` is null and the instrument carries only its epic and type.
    public static let snapshotOnly: Self = "SNAPSHOT_ONLY"
}
