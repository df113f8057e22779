/// Counters of what the simulator has been asked, for tests (`GET /simulator/stats` serves the same).
public struct SimulatorStatistics: Sendable, Hashable {
    /// REST requests under `/gateway/deal` (admin routes excluded).
    public var requests: Int = 0
    /// Successful logins by API version (1, 2, 3).
    public var logins: [Int: Int] = [:]
    /// Successful logins that used an encrypted password.
    public var encryptedLogins: Int = 0
    /// Rejected login attempts.
    public var failedLogins: Int = 0
    /// Successful OAuth token refreshes.
    public var refreshes: Int = 0
    /// Refresh attempts with a dead or unknown refresh token.
    public var failedRefreshes: Int = 0
    /// Logouts.
    public var logouts: Int = 0
    /// Account switches.
    public var accountSwitches: Int = 0
    /// Requests rejected for missing, invalid or expired tokens.
    public var authenticationFailures: Int = 0
    /// Requests refused with an `exceeded-*-allowance` error (per-minute allowances and the weekly points).
    public var allowanceErrors: Int = 0
    /// Requests answered by an injected error.
    public var injectedErrors: Int = 0
    /// Requests to the dealing endpoints (`positions`, `workingorders`, `confirms`, any method and version), counted
    /// on arrival: a paper-trading simulator's price source must leave this at 0.
    public var dealingRequests: Int = 0
    /// Historical price requests answered.
    public var priceRequests: Int = 0
    /// Price points served by historical price requests.
    public var pricePoints: Int = 0

    /// Creates empty statistics.
    public init() {}

    /// Successful logins of all versions.
    public var totalLogins: Int { self.logins.values.reduce(0, +) }
}
