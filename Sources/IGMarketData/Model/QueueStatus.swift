/// How many shared work units are pending, claimed or done.
public struct QueueStatus: Sendable, Hashable, Codable {
    /// Units nobody has claimed yet.
    public var pending: Int
    /// Units a worker holds (their claim may have expired).
    public var claimed: Int
    /// Units fetched and committed.
    public var done: Int

    /// A status from its counts.
    public init(pending: Int, claimed: Int, done: Int) {
        self.pending = pending
        self.claimed = claimed
        self.done = done
    }
}
