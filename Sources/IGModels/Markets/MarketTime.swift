import Foundation

/// A market's trading session in the account's time zone (`HH:mm`).
public struct MarketTime: Codable, Sendable, Hashable {
    public var openTime: String
    public var closeTime: String
}
