import Foundation

/// One account of the client, from `GET /accounts`.
public struct Account: Codable, Sendable, Hashable, Identifiable {
    /// The account's id.
    public var accountId: AccountId
    /// The account's name on IG's platform.
    public var accountName: String?
    /// The alias the client gave the account, if any.
    public var accountAlias: String?
    /// Whether the account is enabled, disabled or suspended from dealing.
    public var status: AccountStatus?
    /// `SPREADBET`, `CFD` or `PHYSICAL` (share dealing).
    public var accountType: AccountType?
    /// Whether this is the default account at login.
    public var preferred: Bool?
    /// IG sends `null` for some accounts.
    public var balance: AccountBalance?
    /// The currency, e.g. `GBP`.
    public var currency: String?
    /// Whether funds can be transferred out of this account.
    public var canTransferFrom: Bool?
    /// Whether funds can be transferred into this account.
    public var canTransferTo: Bool?

    /// The identity of the element (its deal or account id).
    public var id: AccountId { accountId }
}
