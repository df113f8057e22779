/// IG's request and data allowances, as `GET /operations/application` publishes them per API key.
public struct IGAllowances: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Non-trading requests per minute for the whole application (API key).
    public var applicationOverall: Int
    /// Non-trading requests per minute per account.
    public var accountOverall: Int
    /// Trading requests (create/amend/close positions and working orders) per minute per account.
    public var accountTrading: Int
    /// Historical price points per week per account.
    public var historicalDataPoints: Int

    /// Creates allowances: requests per minute (application, account, trading) and points per week.
    public init(applicationOverall: Int, accountOverall: Int, accountTrading: Int, historicalDataPoints: Int) {
        self.applicationOverall = applicationOverall
        self.accountOverall = accountOverall
        self.accountTrading = accountTrading
        self.historicalDataPoints = historicalDataPoints
    }

    /// IG's published LIVE defaults: 60 / 30 / 100 requests a minute, 10,000 price points a week.
    public static let igLive = IGAllowances(
        applicationOverall: 60, accountOverall: 30, accountTrading: 100, historicalDataPoints: 10_000)

    /// Lower, DEMO-like allowances (IG's DEMO limits are lower than LIVE's and change without notice).
    public static let demoLike = IGAllowances(
        applicationOverall: 30, accountOverall: 10, accountTrading: 30, historicalDataPoints: 10_000)

    /// A readable description (never contains a secret).
    public var description: String {
        "application \(applicationOverall)/min, account \(accountOverall)/min, trading \(accountTrading)/min, "
            + "historical \(historicalDataPoints) points/week"
    }
}

/// How an ``IGClient`` paces its requests so that IG's allowances are used fully and never exceeded.
public struct RateLimiting: Sendable, Hashable {
    /// Where the allowances come from.
    public enum Source: Sendable, Hashable {
        /// Read from `GET /operations/application` after login; `fallback` until then or if IG does not answer.
        case automatic(fallback: IGAllowances)
        /// Exactly these.
        case fixed(IGAllowances)
        /// No pacing at all (IG's allowance errors will reach you).
        case disabled
    }

    /// Where the allowances come from.
    public var source: Source
    /// Requests per minute held back from every per-minute allowance (0 uses the whole allowance). Useful when other
    /// programs share the API key or account.
    public var safetyMargin: Int
    /// The length of IG's sliding window.
    public var window: Duration

    /// Creates a pacing policy.
    public init(source: Source, safetyMargin: Int = 0, window: Duration = .seconds(60)) {
        self.source = source
        self.safetyMargin = safetyMargin
        self.window = window
    }

    /// Allowances from IG, IG's LIVE defaults until known. The default.
    public static let automatic = RateLimiting(source: .automatic(fallback: .igLive))
    /// No pacing.
    public static let disabled = RateLimiting(source: .disabled)
    /// Fixed allowances.
    public static func fixed(_ allowances: IGAllowances, safetyMargin: Int = 0) -> RateLimiting {
        RateLimiting(source: .fixed(allowances), safetyMargin: safetyMargin)
    }
}
