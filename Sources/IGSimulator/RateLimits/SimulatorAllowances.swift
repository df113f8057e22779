import Foundation

/// The allowances the simulator enforces and publishes in `GET /operations/application`.
public struct SimulatorAllowances: Sendable, Hashable {
    /// Non-trading requests per minute per API key (`allowanceApplicationOverall`).
    public var applicationOverall: Int
    /// Non-trading requests per minute per account (`allowanceAccountOverall`).
    public var accountOverall: Int
    /// Trading requests per minute per account (`allowanceAccountTrading`).
    public var accountTrading: Int
    /// Historical price points per week per account (`allowanceAccountHistoricalData`).
    public var historicalDataPoints: Int
    /// Whether the limits are enforced (403 `exceeded-*` past them). Published either way.
    public var enforced: Bool
    /// The sliding window of the per-minute allowances (IG: one minute; shorter only to make tests quick).
    public var window: Duration = .seconds(60)

    /// Creates allowances: requests per minute (application, account, trading) and points per week; `enforced: false` publishes them without refusing anything.
    public init(
        applicationOverall: Int, accountOverall: Int, accountTrading: Int, historicalDataPoints: Int,
        enforced: Bool = true
    ) {
        self.applicationOverall = applicationOverall
        self.accountOverall = accountOverall
        self.accountTrading = accountTrading
        self.historicalDataPoints = historicalDataPoints
        self.enforced = enforced
    }

    /// IG's published LIVE defaults: 60 / 30 / 100 requests a minute, 10,000 points a week.
    public static let igLive = SimulatorAllowances(
        applicationOverall: 60, accountOverall: 30, accountTrading: 100, historicalDataPoints: 10_000)

    /// Lower, DEMO-like limits.
    public static let demoLike = SimulatorAllowances(
        applicationOverall: 30, accountOverall: 10, accountTrading: 30, historicalDataPoints: 10_000)

    /// Never enforced (for functional tests that must not be paced): very high per-minute allowances, and IG's
    /// 10,000 weekly points reported in price responses but not enforced.
    public static let unlimited = SimulatorAllowances(
        applicationOverall: 1_000_000, accountOverall: 1_000_000, accountTrading: 1_000_000,
        historicalDataPoints: 10_000, enforced: false)
}
