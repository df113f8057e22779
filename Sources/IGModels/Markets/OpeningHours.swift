import Foundation

/// The opening hours of an instrument (`null` for markets that always trade).
public struct OpeningHours: Codable, Sendable, Hashable {
    public var marketTimes: [MarketTime]
}
