/// How many shared work units are pending, claimed or done.
public struct QueueStatus: Sendable, Hashable, Codable {
    public var pending: Int
    public var claimed: Int
    public var done: Int

    public init(pending: Int, claimed: Int, done: Int) {
        self.pending = pending
        self.claimed = claimed
        self.done = done
    }
}
