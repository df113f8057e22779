public import Foundation

/// One margin band: the margin (percent) applied to a position size between ``min`` and ``max``.
public struct MarginDepositBand: Codable, Sendable, Hashable {
    /// The smallest size the band applies to.
    public var min: Decimal?
    /// `nil` on the last band.
    public var max: Decimal?
    /// The margin percentage in this band.
    public var margin: Decimal?
    /// v2+ only.
    public var currency: String?
}
