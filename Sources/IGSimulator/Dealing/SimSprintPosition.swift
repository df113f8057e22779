import Foundation

/// An open sprint-market position: the stake is paid at opening; at expiry the payout is credited when the
/// underlying's mid is above (BUY) or below (SELL) the strike. A tie loses.
struct SimSprintPosition: Sendable, Hashable {
    var dealId: String
    var dealReference: String
    var accountId: String
    var epic: String
    var direction: DealSide
    /// The stake.
    var size: Decimal
    /// The underlying's mid when the position opened.
    var strikeLevel: Decimal
    var currency: String
    var created: Date
    var expiry: Date
    var payout: Decimal
}
