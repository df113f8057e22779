import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig confirm REF`: the confirmation of a deal reference (reads through IG's short 404 window).
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Show the confirmation of a deal reference.")

    @Argument(help: "The deal reference.") var reference: String
    @Option(help: "Seconds to keep asking while IG answers 404.") var wait: Double = 5
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard wait >= 0, wait <= 3_600 else {
            throw ValidationError("--wait must be 0 to 3600 seconds (IG keeps a confirmation for minutes, not hours).")
        }
    }

    func run() async throws {
        try await connection.withClient { client in
            let confirmation = try await client.dealing.awaitConfirmation(
                DealReference(rawValue: reference), policy: ReconciliationPolicy(confirmDeadline: .seconds(wait)))
            try DealingConsole.print(confirmation, as: output.format)
        }
    }
}
