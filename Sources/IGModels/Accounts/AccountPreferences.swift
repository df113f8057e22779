import Foundation

/// The body of `GET /accounts/preferences`.
public struct AccountPreferences: Codable, Sendable, Hashable {
    public var trailingStopsEnabled: Bool

    public init(trailingStopsEnabled: Bool) { self.trailingStopsEnabled = trailingStopsEnabled }
}
