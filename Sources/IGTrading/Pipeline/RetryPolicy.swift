import IGModels

/// When and how safe reads are retried.
///
/// Only requests that cannot change anything at IG are retried: GETs and session calls. Mutations never are:
/// their outcome is reconciled instead (a retried order could open a second position).
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1 means no retry).
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest wait between attempts.
    public var maxBackoff: Duration
    /// Each wait is the previous one times this.
    public var multiplier: Double
    /// The fraction of each wait that is randomised (0…1), so that clients do not retry in lockstep.
    public var jitter: Double
    /// Give up retrying once this much time has passed since the first attempt.
    public var deadline: Duration?

    /// Creates a policy; `maxAttempts` below 1 counts as 1, `jitter` is clamped to 0…1.
    public init(
        maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(8),
        multiplier: Double = 2, jitter: Double = 0.2, deadline: Duration? = .seconds(60)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.jitter = min(max(jitter, 0), 1)
        self.deadline = deadline
    }

    /// Three attempts, 250 ms doubling to at most 8 s, 20 % jitter. The default.
    public static let standard = RetryPolicy()
    /// No retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Whether `error` is worth another attempt of a safe request.
    public static func isRetryable(_ error: IGError) -> Bool {
        switch error.code {
        case .transport, .timeout: return true
        case .httpStatus:
            if let code = error.errorCode, code.isRateAllowance { return true }
            return (error.httpStatus ?? 0) >= 500
        default: return false
        }
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), honouring IG's `Retry-After`.
    func backoff(after attempt: Int, error: IGError, random: Double = Double.random(in: 0...1)) -> Duration {
        if let retryAfter = error.retryAfter { return retryAfter }
        var base = initialBackoff
        for _ in 1..<max(1, attempt) { base = base * multiplier }
        base = min(base, maxBackoff)
        let spread = base * jitter
        return base - spread + spread * (2 * random)
    }
}
