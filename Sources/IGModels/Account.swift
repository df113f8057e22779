public import Foundation

/// The balance block of an account in `GET /accounts`.
public struct AccountBalance: Codable, Sendable, Hashable {
    public var balance: Decimal?
    public var deposit: Decimal?
    public var profitLoss: Decimal?
    public var available: Decimal?
}

/// One account of the client, from `GET /accounts`.
public struct Account: Codable, Sendable, Hashable, Identifiable {
    public var accountId: AccountId
    public var accountName: String?
    public var accountAlias: String?
    public var status: AccountStatus?
    public var accountType: AccountType?
    public var preferred: Bool?
    /// IG sends `null` for some accounts.
    public var balance: AccountBalance?
    public var currency: String?
    public var canTransferFrom: Bool?
    public var canTransferTo: Bool?

    public var id: AccountId { accountId }
}

/// The body of `GET /accounts`.
public struct AccountsResponse: Codable, Sendable, Hashable {
    public var accounts: [Account]
}

/// The body of `GET /accounts/preferences`.
public struct AccountPreferences: Codable, Sendable, Hashable {
    public var trailingStopsEnabled: Bool

    public init(trailingStopsEnabled: Bool) { self.trailingStopsEnabled = trailingStopsEnabled }
}
