import IGTrading

extension IGAllowances {
    /// Allowances so high that a client never paces itself: for functional tests against a simulator that does not
    /// enforce its allowances (``SimulatorConfiguration/testing``). Tests of rate limiting set their own.
    public static let testing = IGAllowances(
        applicationOverall: 100_000, accountOverall: 100_000, accountTrading: 100_000,
        historicalDataPoints: 10_000_000)
}
