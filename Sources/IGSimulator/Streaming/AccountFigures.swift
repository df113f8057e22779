import Foundation

/// The figures of `ACCOUNT:{accountId}`.
struct AccountFigures: Sendable, Hashable {
    var pnl: Double = 0
    var deposit: Double = 0
    var availableCash: Double = 0
    var pnlLimitedRisk: Double = 0
    var pnlNonLimitedRisk: Double = 0
    var funds: Double = 0
    var margin: Double = 0
    var marginLimitedRisk: Double = 0
    var marginNonLimitedRisk: Double = 0
    var availableToDeal: Double = 0
    var equity: Double = 0
    var equityUsed: Double = 0
}
