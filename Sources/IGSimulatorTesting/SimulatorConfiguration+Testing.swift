import IGSimulator

extension SimulatorConfiguration {
    /// A simulator for tests: a free port on loopback, the default login, and IG's allowances published but not
    /// enforced, so functional tests are never paced (tests of rate limiting set their own allowances).
    public static var testing: SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        return configuration
    }
}
