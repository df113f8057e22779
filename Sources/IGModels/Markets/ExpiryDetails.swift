import Foundation

/// The last dealing date of a dated instrument.
public struct ExpiryDetails: Codable, Sendable, Hashable {
    /// `yyyy-MM-dd'T'HH:mm` (GMT).
    public var lastDealingDate: String?
    /// How the instrument settles.
    public var settlementInfo: String?
}
