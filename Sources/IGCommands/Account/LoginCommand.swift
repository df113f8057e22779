import ArgumentParser
import IGModels
import IGTrading

/// `ig login`: logs in and shows the session.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Log in and show the session (no secrets are printed).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await connection.withClient { client in
            let session = try await client.session.login()
            let details = try await client.session.read()
            if output.format == .json {
                try printJSON(details)
                return
            }
            Console.line("Logged in (session v\(session.version.rawValue)).")
            printKeyValues([
                ("Client", text(session.clientId)),
                ("Account", session.accountId.rawValue),
                ("Account type", text(session.accountType)),
                ("Currency", details.currency ?? "-"),
                ("Locale", details.locale ?? "-"),
                ("Time zone offset", details.timezoneOffset.map { "\($0) h" } ?? "-"),
                ("Streaming endpoint", details.lightstreamerEndpoint ?? "-"),
            ])
        }
    }
}
