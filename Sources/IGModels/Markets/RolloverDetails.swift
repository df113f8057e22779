import Foundation

/// The rollover of a dated instrument.
public struct RolloverDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastRolloverTime: String?
    public var rolloverInfo: String?
}
