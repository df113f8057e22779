import ArgumentParser
import IGCommands

/// `ig-simulator`: the IG simulator on its own (the same server as `ig simulator`).
@main
struct SimulatorServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ig-simulator",
        abstract: "Run a local imitation of IG's REST trading API until SIGINT or SIGTERM.",
        discussion: """
            REST is served under http://HOST:PORT/gateway/deal. Credentials default to IG_SIM_USER, \
            IG_SIM_PASSWORD and IG_SIM_API_KEY when set, else demo-user / demo-password / demo-api-key.
            """)

    @OptionGroup var options: SimulatorOptions

    func run() async throws {
        try await options.runServer()
    }
}
