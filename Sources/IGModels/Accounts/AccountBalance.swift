public import Foundation

/// The balance block of an account in `GET /accounts`.
public struct AccountBalance: Codable, Sendable, Hashable {
    public var balance: Decimal?
    public var deposit: Decimal?
    public var profitLoss: Decimal?
    public var available: Decimal?
}
