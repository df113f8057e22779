public import Foundation

/// The cash summary of the active account in a v1/v2 login response.
public struct AccountInfo: Codable, Sendable, Hashable {
    /// The account's cash balance.
    public var balance: Decimal?
    /// The margin held for open positions.
    public var deposit: Decimal?
    /// The running profit or loss of open positions.
    public var profitLoss: Decimal?
    /// Funds available for new positions.
    public var available: Decimal?
}
