import Foundation

/// The body of `PUT /session` (switch account).
public struct SwitchAccountResponse: Codable, Sendable, Hashable {
    /// Whether trailing stops are enabled on the new account.
    public var trailingStopsEnabled: Bool?
    /// Whether the new account may deal.
    public var dealingEnabled: Bool?
    /// Whether the client has DEMO accounts.
    public var hasActiveDemoAccounts: Bool?
    /// Whether the client has LIVE accounts.
    public var hasActiveLiveAccounts: Bool?
}
