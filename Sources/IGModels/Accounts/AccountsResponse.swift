import Foundation

/// The body of `GET /accounts`.
public struct AccountsResponse: Codable, Sendable, Hashable {
    /// The client's accounts.
    public var accounts: [Account]
}
