public import Foundation

/// The market details last seen for an epic: what the CLI shows and a replay needs.
public struct StoredMarket: Sendable, Hashable, Codable {
    /// The market.
    public var epic: String
    /// The instrument's name as IG gives it.
    public var name: String?
    /// IG's instrument type, e.g. `CURRENCIES`.
    public var instrumentType: String?
    /// IG's `scalingFactor` of the snapshot.
    public var scalingFactor: Decimal?
    /// The complete market-details body as IG sent it (JSON), dealing rules included.
    public var details: Data
    /// When these details were stored.
    public var updatedAt: Date

    /// A snapshot from its parts.
    public init(
        epic: String, name: String?, instrumentType: String?, scalingFactor: Decimal?, details: Data, updatedAt: Date
    ) {
        self.epic = epic
        self.name = name
        self.instrumentType = instrumentType
        self.scalingFactor = scalingFactor
        self.details = details
        self.updatedAt = updatedAt
    }
}
