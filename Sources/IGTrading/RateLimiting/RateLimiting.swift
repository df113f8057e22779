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
