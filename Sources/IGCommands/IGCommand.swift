import ArgumentParser

/// The `ig` command: IG's trading platform from the terminal.
public struct IGCommand: AsyncParsableCommand {
    /// The command line: name, abstract, discussion and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "ig",
        abstract: "IG's trading platform from the terminal: accounts, markets, prices — and an IG simulator.",
        discussion: """
            Commands talk to an embedded IG simulator by default (--env sim), so everything works offline. Use \
            --env demo with IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY set (or --profile) \
            for IG's DEMO, or --base-url for a running `ig simulator`. `ig doctor` checks a setup.

            Times are UTC everywhere, in and out. Exit status: 0 success, 64 usage, 65 IG refused the request, \
            69 network (IG unreachable or failing), 73 output cannot be written, 74 the market-data store cannot \
            be used, 75 allowance used up, 77 authentication, 1 anything else.

            Shell completion: `ig --generate-completion-script bash|zsh|fish`.
            """,
        subcommands: [
            DemoCommand.self, SimulatorCommand.self, LoginCommand.self, AccountsCommand.self,
            MarketsCommand.self, PricesCommand.self, LimitsCommand.self, StreamCommand.self,
            SentimentCommand.self, WatchlistsCommand.self, AppsCommand.self,
            PositionsCommand.self, OrdersCommand.self, ConfirmCommand.self, SprintCommand.self, ActivityCommand.self,
            TransactionsCommand.self, DoctorCommand.self, HistoryCommand.self, RecordCommand.self,
        ])

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}
}

extension IGCommand {
    /// Runs `ig ARGUMENTS…` in this process and returns what it printed (for tests, and for programs that embed
    /// the commands). Usage errors are thrown, not printed.
    public static func output(of arguments: [String]) async throws -> String {
        var command = try parseAsRoot(arguments)
        return try await Console.capture {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
    }

    /// The `ig` executable's entry point: parses `arguments` (default: the process's) and runs the command,
    /// exiting with its status.
    public static func runAsRoot(_ arguments: [String]? = nil) async {
        var parsed: (any ParsableCommand.Type)?
        do {
            var command = try await asyncParseAsRoot(arguments)
            parsed = type(of: command)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error, arguments: arguments ?? Array(CommandLine.arguments.dropFirst()), command: parsed)
        }
    }
}
