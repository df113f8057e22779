import Foundation

/// BUY or SELL.
enum DealSide: String, Sendable, Hashable {
    case buy = "BUY"
    case sell = "SELL"

    var opposite: DealSide { self == .buy ? .sell : .buy }
    /// +1 for BUY, -1 for SELL.
    var sign: Decimal { self == .buy ? 1 : -1 }
}
