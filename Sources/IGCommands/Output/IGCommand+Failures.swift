import ArgumentParser
import Foundation

extension IGCommand {
    /// The exit status `ig` ends with after `error`: the class of a failure ``FailureReport`` explains (64 usage,
    /// 65 refused, 69 network, 73 output, 74 store, 75 allowance, 77 authentication), else the argument parser's (64 for usage errors).
    public static func exitStatus(for error: any Error) -> Int32 {
        FailureReport(error)?.exitCode ?? exitCode(for: error).rawValue
    }

    /// Prints `error` for a person on standard error and exits with its status. The details (operation, HTTP
    /// status, IG's code) are added when `arguments` ask for `--log-level debug` or `trace`.
    ///
    /// A `ValidationError` that `command`'s `run()` threw (a file it read, say) gets that command's usage line, as
    /// one from its `validate()` does, not the root's.
    static func exit(reporting error: any Error, arguments: [String], command: (any ParsableCommand.Type)?) -> Never {
        if let validation = error as? ValidationError, let command, let text = usageFailure(validation, of: command) {
            StandardStream.error(text)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        guard let report = FailureReport(error) else { exit(withError: error) }
        StandardStream.error(
            report.text(verbose: asksForDetails(arguments), offersLogLevel: takesLogLevel(command)) + "\n")
        Foundation.exit(report.exitCode)
    }

    /// Whether `command` takes `--log-level` (the store's own commands, `ig history status` say, do not), so that
    /// a failure only points to it where it works; true when the command is not known.
    static func takesLogLevel(_ command: (any ParsableCommand.Type)?) -> Bool {
        guard let command, commandPath(to: command) != nil else { return true }
        return helpMessage(for: command, columns: 10_000).contains("--log-level <log-level>")
    }

    /// Whether `arguments` ask for `--log-level debug` or `trace`, in any letter case (as the option itself takes).
    static func asksForDetails(_ arguments: [String]) -> Bool {
        let lowered = arguments.map { $0.lowercased() }
        let levels =
            zip(lowered, lowered.dropFirst()).compactMap { $0 == "--log-level" ? $1 : nil }
            + lowered.compactMap { $0.hasPrefix("--log-level=") ? String($0.dropFirst("--log-level=".count)) : nil }
        return levels.contains { $0 == "debug" || $0 == "trace" }
    }

    /// What `ig` prints for a `ValidationError` that `command`'s `run()` threw: the message, then that command's usage
    /// line and where its help is. Nil when `command` is not one of `ig`'s subcommands.
    static func usageFailure(_ error: ValidationError, of command: any ParsableCommand.Type) -> String? {
        guard let path = commandPath(to: command) else { return nil }
        return """
            Error: \(error.message)
            Usage: \(usageString(for: command))
              See '\(path.joined(separator: " ")) --help' for more information.

            """
    }

    /// The names from `ig` down to `command` (`["ig", "history", "sync"]`), or nil when it is `ig` itself or not one
    /// of its subcommands.
    static func commandPath(to command: any ParsableCommand.Type) -> [String]? {
        func search(_ node: any ParsableCommand.Type, _ path: [String]) -> [String]? {
            let name = node._commandName
            if ObjectIdentifier(node) == ObjectIdentifier(command) { return path + [name] }
            for child in node.configuration.subcommands {
                if let found = search(child, path + [name]) { return found }
            }
            return nil
        }
        guard ObjectIdentifier(command) != ObjectIdentifier(IGCommand.self) else { return nil }
        return search(IGCommand.self, [])
    }
}
