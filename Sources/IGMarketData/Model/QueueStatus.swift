/// How many shared work units are pending, claimed, done or failed.
public struct QueueStatus: Sendable, Hashable, Codable {
    /// Units nobody has claimed yet.
    public var pending: Int
    /// Units a worker holds (their claim may have expired).
    public var claimed: Int
    /// Units fetched and committed.
    public var done: Int
    /// Units IG refused (e.g. an unknown epic): never claimed again until a plan queues them anew.
    public var failed: Int

    /// A status from its counts.
    public init(pending: Int, claimed: Int, done: Int, failed: Int = 0) {
        self.pending = pending
        self.claimed = claimed
        self.done = done
        self.failed = failed
    }
}
