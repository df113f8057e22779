import Foundation

/// The body of `GET /accounts`.
public struct AccountsResponse: Codable, Sendable, Hashable {
    public var accounts: [Account]
}
