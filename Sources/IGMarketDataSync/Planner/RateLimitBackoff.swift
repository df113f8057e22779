/// How a sync waits out IG's per-minute request allowances when other programs on the same API key or account use
/// them up: after a refusal it waits for the window to roll over, then goes on; it gives up only when that many waits
/// in a row were refused again while neither this worker nor any other worker of the shared plan got anything done.
///
/// Pure: refusals and progress in, waits out (the randomness is a parameter).
public struct RateLimitBackoff: Sendable, Hashable {
    /// The length of IG's sliding window of requests (one minute): a refused request is tried again after it.
    public var window: Duration
    /// Waits in a row, each refused again with nothing fetched in between, after which the sync gives up.
    public var maxConsecutiveWaits: Int
    /// The part of ``window`` added at random to each wait (0…1), so that workers refused together do not all come
    /// back at the same moment.
    public var jitter: Double
    /// Waits since the last progress.
    public private(set) var consecutiveWaits = 0
    /// The shared queue's count of done units when last observed.
    public private(set) var sharedDone: Int?

    /// A backoff that waits `window` (plus up to `jitter` of it) after a refusal, and gives up after
    /// `maxConsecutiveWaits` waits in a row without progress.
    public init(window: Duration = .seconds(60), maxConsecutiveWaits: Int = 3, jitter: Double = 0.1) {
        self.window = window
        self.maxConsecutiveWaits = max(0, maxConsecutiveWaits)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// A request was refused for a per-minute allowance: the wait before going on, or nil when waiting has not
    /// helped (``maxConsecutiveWaits`` waits in a row refused again). `retryAfter`, when IG asked for a wait, replaces
    /// ``window``; `random` (0…1) places the wait within the jitter.
    public mutating func refused(retryAfter: Duration? = nil, random: Double) -> Duration? {
        guard consecutiveWaits < maxConsecutiveWaits else { return nil }
        consecutiveWaits += 1
        return (retryAfter ?? window) + window * (jitter * min(max(random, 0), 1))
    }

    /// Something was fetched: the next refusal starts a new series of waits.
    public mutating func progressed() {
        consecutiveWaits = 0
    }

    /// The shared queue's count of done units now (nil when unknown). When it grew since the last observation, other
    /// workers on the key got the plan on while this one waited: waiting is not in vain (the others use the
    /// allowance for the same plan), and the next refusal starts a new series of waits.
    public mutating func observe(sharedDone done: Int?) {
        guard let done else { return }
        if let previous = sharedDone, done > previous { consecutiveWaits = 0 }
        sharedDone = done
    }
}
