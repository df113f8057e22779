import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// Shared printing and safety prompts of the dealing commands.
enum DealingConsole {
    /// Options every mutating dealing command has.
    struct MutationOptions: ParsableArguments {
        @Flag(help: "Validate and print the request without sending it.") var dryRun = false
        @Flag(help: "Do not ask for confirmation on --env live.") var yes = false
        @Flag(help: "Skip the pre-flight checks against the market's dealing rules.") var noValidate = false

        var dealingOptions: DealingOptions { DealingOptions(validate: !noValidate) }
    }

    /// On `--env live`, asks the user to type `yes` unless `--yes` was given.
    static func confirmLive(_ connection: ConnectionOptions, _ options: MutationOptions, action: String) throws {
        guard connection.env == .live, connection.baseURL == nil, !options.yes, !options.dryRun else { return }
        StandardStream.error("LIVE account: \(action). Type 'yes' to continue: ")
        guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
            throw ValidationError("Not confirmed; nothing was sent.")
        }
    }

    /// Prints the request of a dry run.
    static func print(_ prepared: PreparedDeal) {
        Console.line("dry run: nothing sent")
        Console.line("\(prepared.method) /gateway/deal\(prepared.path) (Version \(prepared.version))")
        if !prepared.bodyText.isEmpty { Console.line(prepared.bodyText) }
    }

    /// Prints a confirmation.
    static func print(_ confirmation: DealConfirmation, as format: OutputFormat) throws {
        if format == .json {
            try printJSON(confirmation)
            return
        }
        var lines: [(String, String)] = [
            ("dealReference", confirmation.dealReference.rawValue),
            ("dealStatus", confirmation.dealStatus.rawValue),
            ("reason", text(confirmation.reason)),
            ("status", text(confirmation.status)),
            ("dealId", text(confirmation.dealId)),
            ("epic", text(confirmation.epic)),
            ("direction", text(confirmation.direction)),
            ("size", text(confirmation.size)),
            ("level", text(confirmation.level)),
            ("stopLevel", text(confirmation.stopLevel)),
            ("limitLevel", text(confirmation.limitLevel)),
            ("guaranteedStop", confirmation.guaranteedStop.map { $0 ? "yes" : "no" } ?? "-"),
            ("profit", confirmation.profit.map { "\($0) \(confirmation.profitCurrency ?? "")" } ?? "-"),
        ]
        for deal in confirmation.affectedDeals ?? [] {
            lines.append(("affected", "\(deal.dealId) \(text(deal.status))"))
        }
        if let source = confirmation.source { lines.append(("learned from", source.rawValue)) }
        printKeyValues(lines)
    }

    /// Prints the reference of a mutation before anything else.
    static func announce(_ reference: DealReference) {
        Console.line("dealReference: \(reference.rawValue)")
    }
}
