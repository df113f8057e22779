import ArgumentParser
import Foundation
import IGSimulator

/// `ig simulator`: runs the IG simulator as a server.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Run the IG simulator (REST under /gateway/deal) until interrupted.",
        discussion: """
            Prints "IG simulator listening on http://HOST:PORT" once it accepts connections. Log in with \
            identifier demo-user, password demo-password and API key demo-api-key (or IG_SIM_USER, \
            IG_SIM_PASSWORD, IG_SIM_API_KEY). IG's LIVE allowances are enforced unless --allowances says otherwise.
            """,
        subcommands: [SimulatorReportCommand.self])

    @OptionGroup var options: SimulatorOptions

    func run() async throws {
        try await options.runServer()
    }
}
