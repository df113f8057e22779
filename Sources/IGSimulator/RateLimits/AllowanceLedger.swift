import Foundation

/// The API key's allowances as they stand: the limits in force (the configuration's, changed by
/// `PUT /operations/application`), the key's status, the per-minute windows and each account's weekly
/// historical-data usage.
final class AllowanceLedger: Sendable {
    /// The weekly historical-data allowance period.
    static let historicalPeriod: TimeInterval = 7 * 86_400

    /// What a historical-price request was granted.
    struct HistoricalGrant: Sendable, Hashable {
        var remaining: Int
        var total: Int
        /// Seconds until the weekly period starts again.
        var expiresIn: Int
    }

    private struct State: Sendable {
        var allowances: SimulatorAllowances
        var applicationStatus = "ENABLED"
        var windows: AllowanceWindows
        var historicalUsage: [String: HistoricalUsage] = [:]
    }

    private let state: Locked<State>

    init(allowances: SimulatorAllowances) {
        self.state = Locked(
            State(allowances: allowances, windows: AllowanceWindows(length: allowances.window.timeInterval)))
    }

    /// The allowances in force and the key's status (`ENABLED` or `DISABLED`).
    var current: (allowances: SimulatorAllowances, status: String) {
        self.state.withLock { ($0.allowances, $0.applicationStatus) }
    }

    /// Whether the API key has been disabled.
    var isDisabled: Bool { self.state.withLock { $0.applicationStatus == "DISABLED" } }

    /// Changes the account allowances (positive values only) and the status (`ENABLED`/`DISABLED`).
    func update(accountOverall: Int?, accountTrading: Int?, status: String?) {
        self.state.withLock { state in
            if let accountOverall, accountOverall > 0 { state.allowances.accountOverall = accountOverall }
            if let accountTrading, accountTrading > 0 { state.allowances.accountTrading = accountTrading }
            if let status, ["ENABLED", "DISABLED"].contains(status) { state.applicationStatus = status }
        }
    }

    /// Counts a request against IG's per-minute allowances; the refusal's error code, or nil when admitted.
    func admit(method: String, path: [String], apiKey: String, accountId: String?, now: Date) -> String? {
        let requestClass = AllowanceWindows.classify(method: method, path: path)
        return self.state.withLock { state in
            guard state.allowances.enforced else { return nil }
            return state.windows.admit(
                requestClass, apiKey: apiKey, accountId: accountId, allowances: state.allowances, now: now)
        }
    }

    /// The weekly historical-data allowance in points.
    var historicalTotal: Int { self.state.withLock { $0.allowances.historicalDataPoints } }

    /// Counts served points against an account's weekly allowance; nil when the allowances are enforced and fewer
    /// points remain than the request needs.
    func consumeHistorical(points: Int, accountId: String, now: Date) -> HistoricalGrant? {
        self.state.withLock { state in
            var usage = state.historicalUsage[accountId] ?? HistoricalUsage(periodStart: now, used: 0)
            var elapsed = now.timeIntervalSince(usage.periodStart)
            if elapsed >= Self.historicalPeriod || elapsed < 0 {
                usage = HistoricalUsage(periodStart: now, used: 0)
                elapsed = 0
            }
            let total = state.allowances.historicalDataPoints
            if state.allowances.enforced, points > total - usage.used { return nil }
            let (used, overflow) = usage.used.addingReportingOverflow(points)
            usage.used = overflow ? Int.max : used
            state.historicalUsage[accountId] = usage
            return HistoricalGrant(
                remaining: Swift.max(0, total - usage.used), total: total,
                expiresIn: Swift.max(1, Int((Self.historicalPeriod - elapsed).rounded(.up))))
        }
    }
}
