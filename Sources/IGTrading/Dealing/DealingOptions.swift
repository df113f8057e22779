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
