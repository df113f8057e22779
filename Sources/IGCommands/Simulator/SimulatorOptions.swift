import ArgumentParser
import Foundation
import IGModels
import IGSimulator

/// The options of a simulator server, shared by `ig simulator` and the `ig-simulator` executable.
public struct SimulatorOptions: ParsableArguments {
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free port.") var port = 8470
    @Option(help: "Seed of the deterministic price engine.") var seed: UInt64?
    @Flag(
        help: "Start the accounts empty: no generated year of deals, orders, funding and deposits in their history.")
    var freshAccounts = false
    @Option(help: "Login identifier (default demo-user or IG_SIM_USER).") var user: String?
    @Option(help: "Login password (default demo-password or IG_SIM_PASSWORD).") var password: String?
    @Option(help: "API key (default demo-api-key or IG_SIM_API_KEY).") var apiKey: String?
    @Option(
        help: ArgumentHelp(
            "Allowance preset: live (IG's LIVE 60/30/100 per minute, 10,000 points a week, enforced), demo (lower, "
                + "enforced) or unlimited (published, not enforced)."))
    var allowances: AllowancePreset = .live
    @Option(help: "Non-trading requests per minute per API key (overrides the preset).")
    var allowanceApp: Int?
    @Option(help: "Non-trading requests per minute per account (overrides the preset).")
    var allowanceAccount: Int?
    @Option(help: "Trading requests per minute per account (overrides the preset).")
    var allowanceTrading: Int?
    @Option(help: "Historical price points per week (overrides the preset).")
    var allowanceHistorical: Int?
    @Option(
        help: ArgumentHelp(
            "Token the test controls under /simulator/ require in the X-IG-Simulator-Token header. Generated and "
                + "printed when --host is not a loopback address and none is given."))
    var controlToken: String?
    @Option(help: "Team logins: USER-2 … USER-N log in too, each with its own historical allowance (at most 32).")
    var users: Int = 1
    @OptionGroup(title: "Dealing") var dealing: DealingSimulatorOptions
    @OptionGroup(title: "Streaming") var streaming: StreamingSimulatorOptions
    @OptionGroup(title: "Backtesting and paper trading") var venue: VenueSimulatorOptions

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}

    /// A preset of allowances.
    public enum AllowancePreset: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
        case live, demo, unlimited
    }

    /// Refuses values that cannot work together, with a message naming the flag.
    public func validate() throws {
        for (name, value) in [
            ("--allowance-app", allowanceApp), ("--allowance-account", allowanceAccount),
            ("--allowance-trading", allowanceTrading), ("--allowance-historical", allowanceHistorical),
        ] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1.") }
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if let controlToken, controlToken.isEmpty { throw ValidationError("--control-token must not be empty.") }
        guard (1...SimulatorConfiguration.maximumUsers).contains(users) else {
            throw ValidationError("--users must be between 1 and \(SimulatorConfiguration.maximumUsers).")
        }
    }

    /// The simulator configuration these options describe.
    public func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration.fromEnvironment()
        configuration.host = host
        configuration.port = port
        if let seed { configuration.seed = seed }
        configuration.freshAccounts = freshAccounts
        if let user { configuration.identifier = user }
        if let password { configuration.password = password }
        if let apiKey { configuration.apiKey = apiKey }
        var limits: SimulatorAllowances =
            switch allowances {
            case .live: .igLive
            case .demo: .demoLike
            case .unlimited: .unlimited
            }
        if let allowanceApp { limits.applicationOverall = allowanceApp }
        if let allowanceAccount { limits.accountOverall = allowanceAccount }
        if let allowanceTrading { limits.accountTrading = allowanceTrading }
        if let allowanceHistorical { limits.historicalDataPoints = allowanceHistorical }
        configuration.allowances = limits
        configuration.users = users
        configuration.dealing = dealing.apply(to: configuration.dealing)
        configuration.streaming = streaming.apply(to: configuration.streaming)
        configuration.controlToken =
            controlToken ?? (configuration.isLoopbackOnly ? nil : SimulatorConfiguration.makeControlToken())
        return configuration
    }

    /// What the server says before it starts, beyond the "listening" line: for a simulator reachable from other
    /// machines, a warning (standard error) and the control token (standard output, so scripts can read it).
    public static func startupNotices(
        for configuration: SimulatorConfiguration
    ) -> (standardOutput: [String], standardError: [String]) {
        guard !configuration.isLoopbackOnly else { return ([], []) }
        let warning =
            "warning: the simulator listens on \(configuration.host), beyond loopback: anyone who can reach the port "
            + "can log in with its demo credentials; its test controls need the control token."
        let token = configuration.controlToken.map {
            ["Control token (\(SimulatorConfiguration.controlTokenHeader)): \($0)"]
        }
        return (token ?? [], [warning])
    }

    /// Runs a simulator until SIGINT/SIGTERM, announcing its URL on standard output.
    public func runServer() async throws {
        let configuration = try await venue.apply(to: configuration())
        let notices = Self.startupNotices(for: configuration)
        for line in notices.standardError { Console.standardError.write(line + "\n") }
        for line in notices.standardOutput { Console.line(line) }
        let simulator = try IGSimulator(configuration: configuration)
        guard let source = configuration.replay, source.isLive else {
            try await simulator.run(handlingSignals: true) { url in
                Console.line("IG simulator listening on \(url.absoluteString)")
            }
            return
        }
        // Paper trading: prices relayed from IG while the simulator runs; orders stay here.
        try await venue.liveConnection.withClient { client in
            let relay = LivePriceRelay(
                client: client, source: source, epics: source.epics.map { Epic(rawValue: $0) },
                now: { simulator.now })
            try await relay.seed()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await relay.run() }
                group.addTask {
                    try await simulator.run(handlingSignals: true) { url in
                        Console.line("IG simulator listening on \(url.absoluteString) (paper trading)")
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
