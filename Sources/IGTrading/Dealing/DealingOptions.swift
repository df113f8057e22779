/// How a dealing workflow runs. (A dry run is a `prepare…` call without `submit`.)
public struct DealingOptions: Sendable, Hashable {
    /// Check the order against the market's dealing rules and the account type before sending (one
    /// `GET /markets/{epic}` and one `GET /accounts`).
    public var validate: Bool
    /// How an ambiguous outcome is reconciled.
    public var reconciliation: ReconciliationPolicy
    /// IG's `Version` for the mutation: `nil` sends the newest the endpoint has (2 for positions and working
    /// orders); 1 sends IG's version 1 body (see ``PreparedDeal/adapted(toVersion:)``).
    public var version: Int?

    /// Creates options: validation on, the default reconciliation, IG's newest version.
    public init(validate: Bool = true, reconciliation: ReconciliationPolicy = .init(), version: Int? = nil) {
        self.validate = validate
        self.reconciliation = reconciliation
        self.version = version
    }
}

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
