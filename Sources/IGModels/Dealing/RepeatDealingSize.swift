public import Foundation

/// One deal still counted by the repeat-dealing window: its size and when it stops counting.
public struct RepeatDealingSize: Codable, Sendable, Hashable {
    /// A size dealt in the window.
    public var size: Decimal
    /// Milliseconds since the epoch (UTC) at which the deal leaves the window.
    public var expiry: Int64

    /// ``expiry`` as a date.
    public var expiryDate: Date { Date(timeIntervalSince1970: Double(expiry) / 1000) }
}
