import Foundation

/// A market's trading session in the account's time zone (`HH:mm`).
public struct MarketTime: Codable, Sendable, Hashable {
    /// Opening time, as IG writes it.
    public var openTime: String
    /// Closing time, as IG writes it.
    public var closeTime: String
}
