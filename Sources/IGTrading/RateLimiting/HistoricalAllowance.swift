import Foundation
import IGModels
import Logging
import Synchronization

/// The weekly historical-data allowance as IG last reported it.
public struct HistoricalAllowance: Sendable, Hashable {
    /// Price points left.
    public var remaining: Int
    /// Price points per period.
    public var total: Int
    /// When the period resets.
    public var resetsAt: Date
}
