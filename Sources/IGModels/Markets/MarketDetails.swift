import Foundation

/// Everything IG knows about one market: `GET /markets/{epic}`.
public struct MarketDetails: Codable, Sendable, Hashable {
    /// The instrument.
    public var instrument: Instrument
    /// `null` with the v2 `SNAPSHOT_ONLY` filter.
    public var dealingRules: DealingRules?
    /// Current prices and status.
    public var snapshot: MarketSnapshot
}
