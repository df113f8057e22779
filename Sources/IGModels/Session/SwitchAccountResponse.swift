import Foundation

/// The body of `PUT /session` (switch account).
public struct SwitchAccountResponse: Codable, Sendable, Hashable {
    public var trailingStopsEnabled: Bool?
    public var dealingEnabled: Bool?
    public var hasActiveDemoAccounts: Bool?
    public var hasActiveLiveAccounts: Bool?
}
