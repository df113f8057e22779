import Foundation

/// The body of `GET /accounts/preferences`.
public struct AccountPreferences: Codable, Sendable, Hashable {
    /// Whether trailing stops may be used on this account.
    public var trailingStopsEnabled: Bool

    /// Creates the preferences sent by `PUT /accounts/preferences`.
    public init(trailingStopsEnabled: Bool) { self.trailingStopsEnabled = trailingStopsEnabled }
}
