import Foundation

/// An account listed in a v1/v2 login response.
public struct SessionAccount: Codable, Sendable, Hashable {
    /// The account's id.
    public var accountId: AccountId
    /// The account's name.
    public var accountName: String?
    /// Whether it is the default account.
    public var preferred: Bool?
    /// `SPREADBET`, `CFD` or `PHYSICAL`.
    public var accountType: AccountType?
}
