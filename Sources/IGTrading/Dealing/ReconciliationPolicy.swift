/// How long the client keeps asking `/confirms/{dealReference}` after an ambiguous failure (IG answers 404 for a
/// short while after a deal) before falling back to the open positions.
public struct ReconciliationPolicy: Sendable, Hashable {
    /// Give up on `/confirms` after this long.
    public var confirmDeadline: Duration
    /// Pause between two `/confirms` reads.
    public var interval: Duration

    /// Creates a policy: `/confirms` is read every `interval` until `confirmDeadline`.
    public init(confirmDeadline: Duration = .seconds(10), interval: Duration = .milliseconds(200)) {
        self.confirmDeadline = confirmDeadline
        self.interval = interval
    }
}
