public import Foundation

/// The cash summary of the active account in a v1/v2 login response.
public struct AccountInfo: Codable, Sendable, Hashable {
    public var balance: Decimal?
    public var deposit: Decimal?
    public var profitLoss: Decimal?
    public var available: Decimal?
}
