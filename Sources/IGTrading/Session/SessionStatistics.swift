import Foundation
import IGModels

/// Counters of the session manager's work, for observability and tests.
public struct SessionStatistics: Sendable, Hashable {
    /// Full logins (`POST /session`) performed.
    public var logins: Int
    /// v3 token refreshes (`POST /session/refresh-token`) performed.
    public var refreshes: Int
    /// Times IG refused the session tokens and the client re-authenticated.
    public var rejections: Int
}
