import Foundation

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
