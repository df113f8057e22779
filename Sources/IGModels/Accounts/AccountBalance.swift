public import Foundation

/// The balance block of an account in `GET /accounts`.
public struct AccountBalance: Codable, Sendable, Hashable {
    /// The account's cash balance.
    public var balance: Decimal?
    /// The margin held for open positions.
    public var deposit: Decimal?
    /// The running profit or loss of open positions.
    public var profitLoss: Decimal?
    /// Funds available for new positions.
    public var available: Decimal?
}
