public import IGModels

/// A pause of a sync: IG refused a request for a per-minute request allowance (other programs on the API key or
/// account use it too), and the sync waits for the window to roll over before going on with the unit it holds.
public struct SyncWait: Sendable, Hashable {
    /// How long the sync waits.
    public var duration: Duration
    /// IG's error code, e.g. `error.public-api.exceeded-api-key-allowance`, when it sent one.
    public var errorCode: IGErrorCode?
    /// The waits in a row with nothing fetched in between, this one included (1 for the first).
    public var attempt: Int
    /// The waits in a row after which the sync gives up.
    public var maxAttempts: Int

    /// A wait of `duration` after IG refused with `errorCode`, the `attempt`th in a row of at most `maxAttempts`.
    public init(duration: Duration, errorCode: IGErrorCode?, attempt: Int, maxAttempts: Int) {
        self.duration = duration
        self.errorCode = errorCode
        self.attempt = attempt
        self.maxAttempts = maxAttempts
    }

    /// The wait `backoff` just gave, `duration` long, after IG refused with `errorCode`.
    init(_ duration: Duration, errorCode: IGErrorCode?, backoff: RateLimitBackoff) {
        self.init(
            duration: duration, errorCode: errorCode, attempt: backoff.consecutiveWaits,
            maxAttempts: backoff.maxConsecutiveWaits)
    }
}
