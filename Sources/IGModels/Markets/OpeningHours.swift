import Foundation

/// The opening hours of an instrument (`null` for markets that always trade).
public struct OpeningHours: Codable, Sendable, Hashable {
    /// The opening periods.
    public var marketTimes: [MarketTime]
}
