import Foundation

/// The weekly historical-data allowance, echoed with every price response.
public struct PriceAllowance: Codable, Sendable, Hashable {
    /// Price points left in the current period.
    public var remainingAllowance: Int
    /// Price points per period (10,000 a week on LIVE).
    public var totalAllowance: Int
    /// Seconds until the period resets.
    public var allowanceExpiry: Int
}
