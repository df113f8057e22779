import Foundation

/// The rollover of a dated instrument.
public struct RolloverDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastRolloverTime: String?
    /// How positions roll over.
    public var rolloverInfo: String?
}
