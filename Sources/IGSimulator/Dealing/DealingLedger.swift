import Foundation

/// Everything that happened on the accounts, in order: the source of `/history/activity` and
/// `/history/transactions` (every version reads the same records).
struct DealingLedger: Sendable {
    /// One activity (a dealing action, accepted or rejected, or a system action such as a triggered stop).
    struct Activity: Sendable, Hashable {
        var accountId: String
        var date: Date
        var epic: String
        var marketName: String
        var period: String
        var dealId: String
        var dealReference: String
        /// v3 `channel`: PUBLIC_WEB_API for requests, SYSTEM for triggers and expiries.
        var channel: String
        /// v3 `type`: POSITION, WORKING_ORDER, EDIT_STOP_AND_LIMIT, SYSTEM.
        var type: String
        /// ACCEPTED or REJECTED.
        var status: String
        var description: String
        /// (actionType, affectedDealId)
        var actions: [(String, String)]
        var currency: String
        var currencySymbol: String
        var size: Decimal?
        var direction: DealSide?
        var level: Decimal?
        var stopLevel: Decimal?
        var stopDistance: Decimal?
        var guaranteedStop: Bool
        var trailingStopDistance: Decimal?
        var trailingStep: Decimal?
        var limitLevel: Decimal?
        var limitDistance: Decimal?
        var goodTillDate: Date?

        static func == (lhs: Activity, rhs: Activity) -> Bool {
            lhs.dealReference == rhs.dealReference && lhs.date == rhs.date && lhs.description == rhs.description
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(self.dealReference)
            hasher.combine(self.date)
        }
    }

    /// One cash movement (a closed deal's profit or loss, or a guaranteed-stop premium).
    struct Transaction: Sendable, Hashable {
        var accountId: String
        var date: Date
        var openDate: Date?
        var instrumentName: String
        var period: String
        var profitAndLoss: Decimal
        var currency: String
        var currencySymbol: String
        /// DEAL, WITH, DEPO, CHART…
        var transactionType: String
        var reference: String
        var openLevel: Decimal?
        var closeLevel: Decimal?
        /// Signed size (positive for a closed BUY).
        var size: Decimal?
        var cashTransaction: Bool
    }

    private(set) var activities: [Activity] = []
    private(set) var transactions: [Transaction] = []

    mutating func record(_ activity: Activity) { self.activities.append(activity) }
    mutating func record(_ transaction: Transaction) { self.transactions.append(transaction) }

    /// Activities of an account in `[from, to]`, oldest first.
    func activities(accountId: String, from: Date, to: Date) -> [Activity] {
        self.activities.filter { $0.accountId == accountId && $0.date >= from && $0.date <= to }
    }

    /// Transactions of an account in `[from, to]`, oldest first.
    func transactions(accountId: String, from: Date, to: Date) -> [Transaction] {
        self.transactions.filter { $0.accountId == accountId && $0.date >= from && $0.date <= to }
    }
}
