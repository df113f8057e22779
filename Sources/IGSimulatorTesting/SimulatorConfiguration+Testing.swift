import IGSimulator

extension SimulatorConfiguration {
    /// A simulator for tests: a free port on loopback, the default login, IG's allowances published but not
    /// enforced, so functional tests are never paced (tests of rate limiting set their own allowances), and fresh
    /// accounts (no generated past), so a test sees only its own deals; tests of the past set `freshAccounts` false.
    public static var testing: SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        configuration.freshAccounts = true
        return configuration
    }
}
