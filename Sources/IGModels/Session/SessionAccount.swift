import Foundation

/// An account listed in a v1/v2 login response.
public struct SessionAccount: Codable, Sendable, Hashable {
    public var accountId: AccountId
    public var accountName: String?
    public var preferred: Bool?
    public var accountType: AccountType?
}
