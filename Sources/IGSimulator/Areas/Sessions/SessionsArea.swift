import Foundation

/// `/session`: logins (v1 and v2 with CST/XST, v3 with OAuth), session details, account switching, logout, the
/// password encryption key and token refresh.
struct SessionsArea: SimulatorArea {
    let context: SimulatorContext
    /// Preferred account and trailing stops (owned by the accounts area).
    let preferences: AccountPreferences

    func register(into table: inout RouteTable) {
        table.add([
            Route("POST", "session", authenticated: false) { try self.createSession($0) },
            Route("GET", "session") { try self.readSession($0) },
            Route("PUT", "session") { try self.switchAccount($0) },
            Route("DELETE", "session") { try self.logout($0) },
            Route("GET", "session/encryptionKey", authenticated: false) { try self.encryptionKey($0) },
            Route("POST", "session/refresh-token", authenticated: false) { try self.refreshToken($0) },
        ])
    }

    /// The session tokens (shared with the core, which authenticates with them).
    var tokens: Locked<TokenAuthority> { self.context.tokens }

    /// Counts a statistic.
    func count(_ update: (inout SimulatorStatistics) -> Void) {
        self.context.statistics.withLock(update)
    }
}
